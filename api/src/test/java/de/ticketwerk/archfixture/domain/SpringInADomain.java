package de.ticketwerk.archfixture.domain;

import org.springframework.stereotype.Component;

/** For {@code ArchitectureTest} only: an aggregate of a context nobody has written yet that imports Spring. */
@Component
public class SpringInADomain {
}
