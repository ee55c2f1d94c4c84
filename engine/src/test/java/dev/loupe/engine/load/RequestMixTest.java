package dev.loupe.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestMixTest {
    @Test
    void picksByWeightDeterministically() {
        List<RequestSpec> mix = List.of(RequestSpec.get("/a").withWeight(1), RequestSpec.get("/b").withWeight(3));
        RequestMix m = new RequestMix(mix, 7);
        int[] counts = new int[2];
        for (long n = 0; n < 40_000; n++) {
            counts[m.pick(n)]++;
        }
        assertThat(counts[1] / (double) counts[0]).isBetween(2.8, 3.2);
        RequestMix again = new RequestMix(mix, 7);
        for (long n = 0; n < 1000; n++) {
            assertThat(again.pick(n)).isEqualTo(m.pick(n));
        }
    }

    @Test
    void aSingleRequestIsAlwaysPicked() {
        RequestMix m = new RequestMix(List.of(RequestSpec.get("/")), 1);
        assertThat(m.pick(12345)).isZero();
    }
}
