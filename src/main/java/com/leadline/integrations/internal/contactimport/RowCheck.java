package com.leadline.integrations.internal.contactimport;

import com.leadline.identity.EmailAddresses;
import com.leadline.inbox.ContactImports;
import com.leadline.inbox.ContactImports.ImportedContact;
import com.leadline.platform.PhoneNumbers;
import com.leadline.platform.TypedText;
import java.util.HashMap;
import java.util.Map;

/**
 * The rows of one file checked in order, against a mapping and the profile's country: what makes a row a
 * contact, or why it is not one. A number that an earlier row of the file already gave is refused (the first
 * row with it wins), so a file's rows never write one contact twice.
 */
final class RowCheck {

    /** A row that could not be imported: its number in the file, the field at fault, why, and what the cell said. */
    record Problem(int row, String field, String message, String value) {

        Problem {
            value = value.length() <= 100 ? value : value.substring(0, 99) + "\u2026";
        }
    }

    /** Either a contact or a problem. */
    record Checked(ImportedContact contact, Problem problem) {
    }

    private final Mapping mapping;
    private final String country;
    private final Map<String, Integer> firstRowOfPhone = new HashMap<>();

    RowCheck(Mapping mapping, String country) {
        this.mapping = mapping;
        this.country = country;
    }

    Checked check(ContactFile.Row row) {
        String typedPhone = row.cell(mapping.phone());
        if (typedPhone.isEmpty()) {
            return problem(row, "phone", "The phone number is missing.", "");
        }
        String phone = PhoneNumbers.e164(typedPhone, country).orElse(null);
        if (phone == null) {
            return problem(row, "phone", "Not a phone number we can text (numbers without + are read as numbers of " + country + ").",
                    typedPhone);
        }
        Integer earlier = firstRowOfPhone.get(phone);
        if (earlier != null) {
            return problem(row, "phone", "The same phone number as row " + earlier + ".", typedPhone);
        }
        String name = row.cell(mapping.name());
        if (name.length() > ContactImports.MAX_NAME) {
            return problem(row, "name", "The name is longer than " + ContactImports.MAX_NAME + " characters.", name);
        }
        String email = EmailAddresses.normalize(row.cell(mapping.email()));
        if (!email.isEmpty() && !EmailAddresses.isPlausible(email)) {
            return problem(row, "email", "Not an email address like name@example.com.", email);
        }
        String notes = TypedText.of(row.cell(mapping.notes()));
        if (notes.length() > ContactImports.MAX_NOTES) {
            return problem(row, "notes", "The notes are longer than 5,000 characters.", notes);
        }
        firstRowOfPhone.put(phone, row.number());
        return new Checked(new ImportedContact(phone, name, email.isEmpty() ? null : email, notes), null);
    }

    private static Checked problem(ContactFile.Row row, String field, String message, String value) {
        return new Checked(null, new Problem(row.number(), field, message, value));
    }
}
