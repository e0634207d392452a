package de.ticketwerk.terms;

/** R-I3, seed 002: how the monthly fee is paid: on the invoices, or by standing order without an invoice. */
public enum FeePayment { INVOICE, STANDING_ORDER }
