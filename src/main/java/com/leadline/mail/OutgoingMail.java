package com.leadline.mail;

/** A plain-text email. The body may carry one-time links: it is stored only sealed. */
public record OutgoingMail(String to, String subject, String body) {
}
