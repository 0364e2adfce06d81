package com.leadline.inbox.internal.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.inbox.internal.conversation.SearchHighlight.Segment;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SearchHighlightTests {

    private static List<Segment> segments(String search, String text) {
        return SearchHighlight.of(search).match(UUID.randomUUID(), text).segments();
    }

    private static List<String> marked(String search, String text) {
        return segments(search, text).stream().filter(Segment::matched).map(Segment::text).toList();
    }

    @Test
    void marksTheWordsOfTheSearchWhateverTheirCaseAndAccentsAndTheLastOneByItsStart() {
        assertThat(marked("creme BRULEE", "Crème brûlée, crème!")).containsExactly("Crème", "brûlée", "crème");
        assertThat(marked("whit", "Whitening or white? Not awhite.")).containsExactly("Whitening", "white");
        assertThat(marked("whit teeth", "whitening teeth")).as("only the last word is a prefix").containsExactly("teeth");
    }

    @Test
    void foldsPlainAndAccentedWordsAlike() {
        assertThat(List.of("WHITENING", "Whitening", "whitening", "Whiténing", "WHITENİNG").stream().map(SearchHighlight::fold))
                .containsOnly("whitening");
        assertThat(SearchHighlight.fold("ÉCLAIR-42")).isEqualTo("eclair-42");
    }

    @Test
    void keepsEveryCharacterOfAShortMessageAsPlainText() {
        String text = "<b>Price</b> & \"price\"";
        assertThat(segments("price", text)).containsExactly(new Segment("<b>", false), new Segment("Price", true),
                new Segment("</b> & \"", false), new Segment("price", true), new Segment("\"", false));
        assertThat(String.join("", segments("price", text).stream().map(Segment::text).toList())).isEqualTo(text);
    }

    @Test
    void showsALongMessageAroundItsFirstMatchedWord() {
        String text = "word ".repeat(100) + "veneers " + "more ".repeat(100);
        List<Segment> shown = segments("veneers", text);
        String joined = String.join("", shown.stream().map(Segment::text).toList());
        assertThat(shown.get(0).text()).isEqualTo("…");
        assertThat(shown.get(shown.size() - 1).text()).isEqualTo("…");
        assertThat(joined.length()).isLessThanOrEqualTo(SearchHighlight.SHOWN + 2);
        assertThat(joined).startsWith("…word ").contains("veneers");
        assertThat(marked("veneers", text)).containsExactly("veneers");
    }
}
