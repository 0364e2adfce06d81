package com.leadline.inbox.internal.conversation;

/** The Inbox's tabs: Me (open, assigned to the viewer), Unassigned (open, nobody's) and All (closed too). */
public enum Tab {
    ME, UNASSIGNED, ALL
}
