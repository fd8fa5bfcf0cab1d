package io.github.vidu4j.facade;

import io.github.vidu4j.core.Sleeper;

/** test-support's clock that moves only when the client sleeps, as the client's sleeper. */
final class FakeTime extends io.github.vidu4j.testing.FakeTime implements Sleeper {}
