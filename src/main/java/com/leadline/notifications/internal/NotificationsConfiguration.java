package com.leadline.notifications.internal;

import com.leadline.platform.UploadRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class NotificationsConfiguration {

    /**
     * RFC 8058 lets the mail provider send the one-click POST as multipart/form-data as well as url-encoded: that one
     * route takes a multipart body (a few bytes; 8 KB at most), every other keeps refusing it.
     */
    @Bean
    UploadRoute oneClickUnsubscribe() {
        return new UploadRoute("POST", NotificationsController.UNSUBSCRIBE, DataSize.ofKilobytes(8), true);
    }
}
