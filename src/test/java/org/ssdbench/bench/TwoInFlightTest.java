package org.ssdbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TwoInFlightTest {
  private final List<String> calls = new ArrayList<>();

  private TwoInFlight.Lane lane(String name) {
    return new TwoInFlight.Lane() {
      private boolean inFlight;

      @Override
      public void launch() {
        assertThat(inFlight).as(name + " launched twice without a wait").isFalse();
        inFlight = true;
        calls.add(name + " launch");
      }

      @Override
      public float await() {
        assertThat(inFlight).as(name + " awaited with nothing in flight").isTrue();
        inFlight = false;
        calls.add(name + " await");
        return name.equals("A") ? 1 : 2;
      }
    };
  }

  @Test
  void eachStepStartsOneBatchAndWaitsForTheOtherSoTwoAreInFlight() {
    TwoInFlight pipeline = new TwoInFlight(lane("A"), lane("B"));

    assertThat(pipeline.step()).isEqualTo(1);
    assertThat(pipeline.step()).isEqualTo(2);
    assertThat(pipeline.step()).isEqualTo(1);
    pipeline.drain();

    assertThat(calls).containsExactly("A launch", "B launch", "A await", "A launch", "B await", "B launch", "A await",
        "B await");
  }

  @Test
  void drainingWaitsOnceAndEndsTheSteps() {
    TwoInFlight pipeline = new TwoInFlight(lane("A"), lane("B"));
    pipeline.drain();
    pipeline.drain();

    assertThat(calls).containsExactly("A launch", "A await");
    assertThatThrownBy(pipeline::step).hasMessageContaining("drained");
  }
}
