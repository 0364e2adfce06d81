/**
 * The Leadbox: the website widget of each profile and the account's multi-profile one, their
 * settings and embed code, and the public intake that turns a visitor's form into a lead
 * (docs/leadbox.md). Leads are filed through the inbox's {@link com.leadline.inbox.InboundTexts}.
 */
package com.leadline.leadbox;
