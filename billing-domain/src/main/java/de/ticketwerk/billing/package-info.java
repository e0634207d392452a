/**
 * Customers, contracts, quotas and the billing policy (DOMAIN.md R-B, R-H, R-C, R-Q). It reads the ticket events
 * it prices and never depends on projections or the application.
 */
package de.ticketwerk.billing;
