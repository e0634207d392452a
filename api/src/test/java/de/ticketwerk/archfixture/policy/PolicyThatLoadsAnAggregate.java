package de.ticketwerk.archfixture.policy;

import de.ticketwerk.archfixture.domain.SpringInADomain;

/** For {@code ArchitectureTest} only: a rule that reaches back into its context's aggregate. */
public final class PolicyThatLoadsAnAggregate {

    private PolicyThatLoadsAnAggregate() {
    }

    public static String decide(SpringInADomain aggregate) {
        return aggregate.toString();
    }
}
