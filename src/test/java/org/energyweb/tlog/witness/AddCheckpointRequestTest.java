package org.energyweb.tlog.witness;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The add-checkpoint request body of c2sp.org/tlog-witness against the spec's example. */
class AddCheckpointRequestTest {

    static final String SPEC_BODY = """
            old 20852014
            PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=
            jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=
            5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=
            /6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=

            example.com/behind-the-sofa
            20852163
            CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

            \u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=
            \u2014 example.com/behind-the-sofa opLqBQsREYCgu6xQkYQwJr9fo45a62DN9EdmHXnZdXNqlcVGlCum2Wks+49/V6267UEjw6QUXTS5Rovnzv++qbSzm9Q=
            """;

    @Test
    void theSpecExampleBodyParsesAndReEncodesByteForByte() {
        AddCheckpointRequest request = AddCheckpointRequest.parse(SPEC_BODY);

        assertThat(request.oldSize()).isEqualTo(20852014L);
        assertThat(request.proof()).hasSize(4);
        assertThat(request.checkpoint().signatures()).hasSize(2);
        assertThat(request.encoded()).isEqualTo(SPEC_BODY);
    }
}
