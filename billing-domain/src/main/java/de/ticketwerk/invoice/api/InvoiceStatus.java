package de.ticketwerk.invoice.api;

/** Where an invoice stands: a draft has no number; an issued invoice never changes; a cancelled one was undone. */
public enum InvoiceStatus { DRAFT, ISSUED, CANCELLED }
