package de.ticketwerk.calendar;

/** The 16 German federal states. The state decides which public holidays apply (R-H1). */
public enum FederalState {
    BW("Baden-Württemberg"), BY("Bayern"), BE("Berlin"), BB("Brandenburg"), HB("Bremen"), HH("Hamburg"),
    HE("Hessen"), MV("Mecklenburg-Vorpommern"), NI("Niedersachsen"), NW("Nordrhein-Westfalen"),
    RP("Rheinland-Pfalz"), SL("Saarland"), SN("Sachsen"), ST("Sachsen-Anhalt"), SH("Schleswig-Holstein"),
    TH("Thüringen");

    private final String germanName;

    FederalState(String germanName) {
        this.germanName = germanName;
    }

    public String germanName() {
        return germanName;
    }
}
