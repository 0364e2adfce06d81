package com.leadline.integrations.internal.contactimport;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which column (zero-based) each Leadline field is read from; null for a field read from none. The phone is
 * required; a column serves one field at most.
 */
record Mapping(Integer phone, Integer name, Integer email, Integer notes) {

    static final List<String> FIELDS = List.of("name", "phone", "email", "notes");
    private static final Set<String> PHONE = Set.of("phone", "phonenumber", "phoneno", "mobile", "mobilephone", "mobilenumber",
            "cell", "cellphone", "cellnumber", "tel", "telephone", "telephonenumber", "number", "sms", "whatsapp");
    private static final Set<String> NAME = Set.of("name", "fullname", "contactname", "contact", "customer", "customername",
            "displayname", "lead", "leadname", "person");
    private static final Set<String> EMAIL = Set.of("email", "emailaddress", "mail", "eaddress");
    private static final Set<String> NOTES = Set.of("notes", "note", "comments", "comment", "description", "remarks", "memo");

    Integer column(String field) {
        return switch (field) {
            case "phone" -> phone;
            case "name" -> name;
            case "email" -> email;
            case "notes" -> notes;
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** The columns whose header names a field ("Phone", "Mobile", "Full name", "E-mail"), the first such for each. */
    static Mapping suggested(List<String> header) {
        return new Mapping(first(header, PHONE), first(header, NAME), first(header, EMAIL), first(header, NOTES));
    }

    private static Integer first(List<String> header, Set<String> names) {
        for (int column = 0; column < header.size(); column++) {
            if (names.contains(normalized(header.get(column)))) {
                return column;
            }
        }
        return null;
    }

    /** Lower case letters and digits only: "E-mail" and "E mail" read as "email", "Phone #" as "phone". */
    private static String normalized(String heading) {
        String plain = Normalizer.normalize(heading, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        return plain.replaceAll("[^a-z0-9]", "");
    }
}
