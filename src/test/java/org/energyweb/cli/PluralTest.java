package org.energyweb.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PluralTest {

    @Test
    void oneThingIsSingularAndEveryOtherCountPlural() {
        assertThat(Plural.of(1, "meter")).isEqualTo("1 meter");
        assertThat(Plural.of(0, "meter")).isEqualTo("0 meters");
        assertThat(Plural.of(3, "document")).isEqualTo("3 documents");
    }
}
