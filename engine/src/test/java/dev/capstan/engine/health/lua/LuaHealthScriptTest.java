package dev.capstan.engine.health.lua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.engine.health.HealthResult;
import dev.capstan.engine.health.HealthStatus;
import dev.capstan.engine.health.LiveObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LuaHealthScriptTest {

  private static final LiveObject POD =
      LiveObject.of(
          Map.of(
              "apiVersion", "v1",
              "kind", "Pod",
              "metadata", Map.of("name", "web", "namespace", "prod"),
              "spec", Map.of("replicas", 3L, "ratio", 0.5, "paused", true),
              "status",
                  Map.of(
                      "conditions",
                      List.of(
                          Map.of("type", "Ready", "status", "True"),
                          Map.of("type", "Synced", "status", "False")))));

  private static HealthResult run(String script) {
    return run(script, LuaLimits.defaults());
  }

  private static HealthResult run(String script, LuaLimits limits) {
    return LuaHealthScript.compile("test", script, limits).assess(POD).orElseThrow();
  }

  @Test
  void scriptReadsObjAndReturnsStatusAndMessage() {
    HealthResult result =
        run(
            """
            hs = {}
            local n = 0
            for i, c in ipairs(obj.status.conditions) do
              if c.status == "True" then n = n + 1 end
            end
            hs.status = "Progressing"
            hs.message = obj.metadata.name .. " " .. n .. "/" .. #obj.status.conditions
              .. " replicas=" .. obj.spec.replicas .. " ratio=" .. obj.spec.ratio
              .. " paused=" .. tostring(obj.spec.paused)
            return hs
            """);

    assertThat(result)
        .isEqualTo(
            new HealthResult(HealthStatus.PROGRESSING, "web 1/2 replicas=3 ratio=0.5 paused=true"));
  }

  @Test
  void absentFieldsAreNil() {
    HealthResult result =
        run("return {status = obj.status.phase == nil and 'Healthy' or 'Degraded'}");

    assertThat(result).isEqualTo(HealthResult.healthy(""));
  }

  @Test
  void unknownStatusNameYieldsUnknownLikeArgoCd() {
    assertThat(run("return {status = 'healthy', message = 'x'}"))
        .isEqualTo(HealthResult.unknown(LuaHealthScript.INVALID_STATUS));
    assertThat(run("return {message = 'no status'}"))
        .isEqualTo(HealthResult.unknown(LuaHealthScript.INVALID_STATUS));
  }

  @Test
  void returningNothingMeansNoOpinion() {
    Optional<HealthResult> result =
        LuaHealthScript.compile("t", "local x = 1", LuaLimits.defaults()).assess(POD);

    assertThat(result).isEmpty();
  }

  @Test
  void runtimeErrorYieldsUnknownNamingTheObject() {
    HealthResult result = run("return {status = obj.spec.missing.field}");

    assertThat(result.status()).isEqualTo(HealthStatus.UNKNOWN);
    assertThat(result.message())
        .startsWith("Pod/prod/web health script test failed (ScriptError): ");
  }

  @Test
  void syntaxErrorIsRejectedAtCompileTime() {
    assertThatThrownBy(
            () -> LuaHealthScript.compile("bad", "return {status = ", LuaLimits.defaults()))
        .isInstanceOf(LuaScriptException.class)
        .hasMessageStartingWith("bad compile failed (SyntaxError): ");
  }

  @Test
  void infiniteLoopIsStoppedByTheInstructionLimit() {
    HealthResult result =
        run("while true do end", LuaLimits.defaults().withMaxInstructions(100_000));

    assertThat(result.status()).isEqualTo(HealthStatus.UNKNOWN);
    assertThat(result.message())
        .isEqualTo(
            "Pod/prod/web health script test stopped (LimitExceeded): exceeded the limit of 100000"
                + " Lua instructions");
  }

  @Test
  void infiniteLoopIsStoppedByTheTimeLimit() {
    LuaLimits limits =
        LuaLimits.defaults()
            .withMaxInstructions(Long.MAX_VALUE)
            .withTimeout(Duration.ofMillis(200));

    HealthResult result = run("local i = 0 while true do i = i + 1 end", limits);

    assertThat(result.status()).isEqualTo(HealthStatus.UNKNOWN);
    assertThat(result.message()).endsWith("exceeded the time limit of 200 ms");
  }

  @Test
  void pcallCannotSwallowTheStop() {
    HealthResult result =
        run(
            """
            while true do
              pcall(function() while true do end end)
            end
            """,
            LuaLimits.defaults().withMaxInstructions(100_000));

    assertThat(result.message()).contains("LimitExceeded");
  }

  @Test
  void growingMemoryIsStoppedByTheAllocationLimit() {
    LuaLimits limits =
        LuaLimits.defaults()
            .withMaxInstructions(Long.MAX_VALUE)
            .withMaxAllocatedBytes(8L << 20)
            .withTimeout(Duration.ofSeconds(30));

    HealthResult result =
        run(
            """
            local t = {}
            local s = "0123456789abcdef"
            while true do
              t[#t + 1] = s .. #t
            end
            """,
            limits);

    assertThat(result.status()).isEqualTo(HealthStatus.UNKNOWN);
    assertThat(result.message()).endsWith("exceeded the memory limit of 8388608 allocated bytes");
  }

  @Test
  void stringRepCannotBuildHugeStrings() {
    HealthResult result = run("return {status = 'Healthy', message = string.rep('x', 1e9)}");

    assertThat(result.status()).isEqualTo(HealthStatus.UNKNOWN);
    assertThat(result.message()).contains("string.rep would build 1000000000 bytes");
    assertThat(run("return {status = 'Healthy', message = string.rep('ab', 3)}"))
        .isEqualTo(HealthResult.healthy("ababab"));
  }

  @Test
  void noFileProcessOrJavaAccess() {
    String script =
        """
        local found = {}
        local function check(name, value) if value ~= nil then found[#found + 1] = name end end
        check("io", io)
        check("debug", debug)
        check("dofile", dofile)
        check("loadfile", loadfile)
        check("load", load)
        check("luajava", luajava)
        check("coroutine", coroutine)
        check("os.execute", os.execute)
        check("os.getenv", os.getenv)
        check("os.exit", os.exit)
        check("os.remove", os.remove)
        check("string.dump", string.dump)
        check("package.loadlib", package.loadlib)
        local ok = pcall(require, "io")
        if ok then found[#found + 1] = "require io" end
        ok = pcall(require, "org.luaj.vm2.lib.jse.JseIoLib")
        if ok then found[#found + 1] = "require java class" end
        ok = pcall(require, "health")
        if ok then found[#found + 1] = "require file" end
        return {status = "Healthy", message = table.concat(found, ",")}
        """;

    assertThat(run(script)).isEqualTo(HealthResult.healthy(""));
  }

  @Test
  void safeOsTimeAndDateWorkAndRequireOsToo() {
    HealthResult result =
        run(
            """
            local os2 = require("os")
            local t = os2.time({year = 2024, month = 1, day = 2, hour = 3, min = 4, sec = 5})
            return {status = "Healthy", message = tostring(os.time() > t) .. " " .. os.date("!%Y", 0)}
            """);

    assertThat(result).isEqualTo(HealthResult.healthy("true 1970"));
  }

  @Test
  void stringLibraryAndMethodsAreAvailable() {
    HealthResult result =
        run(
            """
            local s = "Deployment/prod/web"
            local a, b = string.find(s, "prod", 1, true)
            return {status = "Healthy",
                    message = s:lower():sub(1, 3) .. a .. b .. string.format("%d-%s", 7, "x")
                      .. (string.match(s, "^(%a+)/") or "")}
            """);

    assertThat(result).isEqualTo(HealthResult.healthy("dep12157-xDeployment"));
  }

  @Test
  void scriptsDoNotShareGlobalsBetweenRuns() {
    LuaHealthScript script =
        LuaHealthScript.compile(
            "counter",
            "counter = (counter or 0) + 1 return {status = 'Healthy', message = tostring(counter)}",
            LuaLimits.defaults());

    script.assess(POD);

    assertThat(script.assess(POD)).contains(HealthResult.healthy("1"));
  }

  @Test
  void oneCompiledScriptRunsConcurrently() throws Exception {
    LuaHealthScript script =
        LuaHealthScript.compile(
            "concurrent",
            """
            local n = 0
            for i = 1, 20000 do n = n + 1 end
            return {status = "Healthy", message = obj.metadata.name .. n}
            """,
            LuaLimits.defaults());
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Optional<HealthResult>>> results =
          new java.util.ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String name = "pod" + i;
        LiveObject live = LiveObject.of(Map.of("kind", "Pod", "metadata", Map.of("name", name)));
        results.add(pool.submit(() -> script.assess(live)));
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).contains(HealthResult.healthy("pod" + i + "20000"));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void nullValuesAndNestedListsConvert() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("a", null);
    tree.put("list", List.of(List.of(1L, 2L), Map.of("k", "v")));
    LuaHealthScript script =
        LuaHealthScript.compile(
            "t",
            "return {status = 'Healthy', message = tostring(obj.a) .. #obj.list .. obj.list[1][2] .. obj.list[2].k}",
            LuaLimits.defaults());

    assertThat(script.assess(LiveObject.of(tree))).contains(HealthResult.healthy("nil22v"));
  }
}
