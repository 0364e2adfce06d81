package com.leadline.billing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The billing_accounts row of the current account (made at sign-up with the company name and email; V63 adds the address). */
@Component
class BillingAccountStore {

    /** The billing details as stored; blank for what was never given. */
    record Details(String companyName, String billingEmail, String addressLine1, String addressLine2, String city,
                   String postalCode, String country, String taxId) {

        static final Details NONE = new Details("", "", "", "", "", "", "", "");

        /** One line for the history: "Acme Inc, billing@acme.test, 1 Main St, Springfield 12345, US, tax id X". */
        String summary() {
            StringBuilder line = new StringBuilder();
            for (String part : new String[] {companyName, billingEmail, addressLine1, addressLine2,
                    (postalCode + " " + city).strip(), country, taxId.isEmpty() ? "" : "tax id " + taxId}) {
                if (!part.isEmpty()) {
                    line.append(line.isEmpty() ? "" : ", ").append(part);
                }
            }
            return line.toString();
        }
    }

    private final JdbcClient jdbc;

    BillingAccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Details> find() {
        return jdbc.sql("""
                        SELECT company_name, billing_email, address_line1, address_line2, city, postal_code, country, tax_id
                        FROM billing_accounts""")
                .query((rs, n) -> new Details(rs.getString(1), rs.getString(2), blank(rs.getString(3)), blank(rs.getString(4)),
                        blank(rs.getString(5)), blank(rs.getString(6)), blank(rs.getString(7)), blank(rs.getString(8))))
                .optional();
    }

    /** Creates the row (the owner's first save when sign-up made none) or replaces its details. */
    void save(UUID accountId, UUID ownerUserId, Details details, Instant now) {
        jdbc.sql("""
                        INSERT INTO billing_accounts (account_id, owner_user_id, company_name, billing_email, address_line1, address_line2,
                                                      city, postal_code, country, tax_id, created_at, updated_at)
                        VALUES (:account, :owner, :company, :email, :line1, :line2, :city, :postal, :country, :tax, :now, :now)
                        ON CONFLICT (account_id) DO UPDATE SET company_name = :company, billing_email = :email,
                            address_line1 = :line1, address_line2 = :line2, city = :city, postal_code = :postal, country = :country,
                            tax_id = :tax, updated_at = :now""")
                .param("account", accountId).param("owner", ownerUserId).param("company", details.companyName())
                .param("email", details.billingEmail()).param("line1", nullIfBlank(details.addressLine1()))
                .param("line2", nullIfBlank(details.addressLine2())).param("city", nullIfBlank(details.city()))
                .param("postal", nullIfBlank(details.postalCode())).param("country", nullIfBlank(details.country()))
                .param("tax", nullIfBlank(details.taxId())).param("now", Timestamp.from(now)).update();
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }

    private static String nullIfBlank(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
