package com.leadline.platform;

/** Text a person typed in a multi-line box, as Leadline keeps and counts it. */
public final class TypedText {

    private TypedText() {
    }

    /**
     * Each line break as one LF (a browser sends a textarea's line breaks as CR LF, which its
     * maxlength and the database count as one character), no blanks around; null is empty.
     */
    public static String of(String typed) {
        return typed == null ? "" : typed.replace("\r\n", "\n").strip();
    }
}
