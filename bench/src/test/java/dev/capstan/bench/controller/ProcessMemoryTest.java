package dev.capstan.bench.controller;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

  @Test
  void usedHeapIsReadFromG1HeapInfo() {
    String out =
        """
        12345:
         garbage-first heap   total 262144K, used 104857K [0x00000000f0000000, 0x0000000100000000)
          region size 1024K, 50 young (51200K), 3 survivors (3072K)
         Metaspace       used 60000K, committed 61000K, reserved 1114112K
        """;
    assertThat(ProcessMemory.parseUsedHeapMib(out))
        .hasValueSatisfying(
            v -> assertThat(v).isCloseTo(102.4, org.assertj.core.data.Offset.offset(0.01)));
  }

  @Test
  void usedHeapIsReadFromJdk25HeapInfo() {
    String out =
        """
        31272:
        garbage-first heap   total reserved 2097152K, committed 389120K, used 13824K [0x0000000080000000, 0x0000000100000000)
         region size 1024K, 10 young (10240K), 0 survivors (0K)
         Metaspace       used 60000K, committed 61000K, reserved 1114112K
        """;
    assertThat(ProcessMemory.parseUsedHeapMib(out)).contains(13.5);
  }

  @Test
  void noHeapLineGivesNothing() {
    assertThat(ProcessMemory.parseUsedHeapMib("12345:\nAttachNotSupportedException")).isEmpty();
  }

  @Test
  void thePeakOfAGcLogIsTheLargestHeapBeforeACollection() {
    String log =
        """
        [0.012s][info][gc] Using G1
        [1.503s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->5M(256M) 3.120ms
        [9.871s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 131M->40M(256M) 8.002ms
        [12.100s][info][gc] GC(2) Pause Remark 98M->97M(256M) 1.500ms
        [20.000s][info][gc] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 900K->300K(256M) 1.0ms
        """;
    assertThat(ProcessMemory.parseGcLogPeakMib(log)).isEqualTo(131.0);
    assertThat(ProcessMemory.parseGcLogPeakMib("[0.012s][info][gc] Using G1\n")).isZero();
  }
}
