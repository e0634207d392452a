package de.ticketwerk.archfixture.domain;

import de.ticketwerk.projections.Scope;

/** For {@code ArchitectureTest} only: an aggregate of a context nobody has written yet that reads a later room. */
public class ReadModelInADomain {

    public boolean sees(Scope scope) {
        return scope != null;
    }
}
