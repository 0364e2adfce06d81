/**
 * Leadline's connections to outside services. Today the SMS provider adapter: texts leave through
 * Twilio's Programmable Messaging REST API (the inbox's {@link com.leadline.inbox.TextChannel}), and
 * the provider's signed webhooks bring inbound texts and delivery reports in; present only when a
 * provider account is configured (docs/texting.md). Outgoing webhooks (internal.webhooks): events
 * queued in an outbox in the transaction of the change, delivered signed (Standard Webhooks) by a relay
 * to addresses checked for outbound safety at save and at every attempt (docs/api.md, Webhooks).
 */
package com.leadline.integrations;
