package com.leadline.integrations.internal.contactimport;

import com.leadline.platform.UploadRoute;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The contacts import's two upload routes, over the common body cap: the page's form and the API's raw file. */
@Configuration(proxyBeanMethods = false)
class ContactImportConfiguration {

    /** Room for a multipart form's boundaries, headers and CSRF field around the file. */
    private static final DataSize FORM_OVERHEAD = DataSize.ofKilobytes(64);

    @Bean
    UploadRoute contactsImportPage(@Value("${leadline.contacts-import.max-file-size}") DataSize maxFile) {
        return new UploadRoute("POST", ContactImportController.UPLOAD, DataSize.ofBytes(maxFile.toBytes() + FORM_OVERHEAD.toBytes()), true);
    }

    @Bean
    UploadRoute contactsImportApi(@Value("${leadline.contacts-import.max-file-size}") DataSize maxFile) {
        return new UploadRoute("POST", "/api/v1/contacts/imports", maxFile, false);
    }
}
