using System.Text;
using CoBan.Workflow.Benchmarks.Harness;
using CoBan.Workflow.Engine.Execution;

namespace CoBan.Workflow.Benchmarks.Engine;

/// <summary>
/// The engine alone (no host, no database): user-task-gateway in memory and with the state stored as
/// JSON per step, the state size, user-task-timer-boundary on a virtual clock, the cost of parsing
/// against the cost of an instance, and bpmn-engine running the same models (node/bench.mjs).
/// </summary>
public sealed partial class EngineSuite : Suite
{
    public const string GatewayProcess = "UserTaskGateway";
    public const string TimerProcess = "UserTaskTimer";
    private const int TimerInstances = 2_000;
    private const int ParseEachInstances = 5_000;
    private const int ParseRounds = 2_000;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(2);

    /// <summary>A fixed clock: the figures do not depend on the date of the run.</summary>
    private static readonly DateTimeOffset T0 = new(2026, 9, 30, 9, 0, 0, TimeSpan.FromHours(8));

    public override string Name => "engine";

    public override string Title => "Engine suite: CoBan's executor on the shared benchmark models, side by side with bpmn-engine";

    public override string Description =>
        "Runs `models/user-task-gateway.bpmn` and `models/user-task-timer-boundary.bpmn` (see models/README.md) on " +
        "CoBan.Workflow.Engine in one process, without host or database, then runs `node/bench.mjs` (bpmn-engine 25.0.1, " +
        "same models, same drivers) and puts the figures side by side.";

    public override SuiteReport Run(SuiteContext context)
    {
        var options = context.Options;
        var instances = options.Instances ?? 200_000;
        var runs = options.Runs ?? 3;
        var smallRuns = Math.Max(runs, 5); // batches of a few milliseconds are noisier: more runs, still the best one
        var nodeInstances = options.NodeInstances ?? 2_000;

        var report = new SuiteReport();
        report.Parameter("user-task-gateway instances per run", instances.ToString("N0"));
        report.Parameter("measured runs (best reported)", runs);
        report.Parameter("measured runs of the small batches (timer, parse, parse-each)", smallRuns);
        report.Parameter("warm-up before each measurement", $"at least {WarmUpTime.TotalSeconds:0} s of the same work");
        report.Parameter("user-task-timer-boundary instances per run", TimerInstances.ToString("N0"));
        report.Parameter("parse-each instances per run", ParseEachInstances.ToString("N0"));
        report.Parameter("parses per run (parse cost)", ParseRounds.ToString("N0"));
        report.Parameter("bpmn-engine: node bench.mjs", options.SkipNode ? "skipped (--skip-node)" : nodeInstances.ToString("N0"));
        report.Parameter("engine clock (virtual)", T0.ToString("yyyy-MM-dd'T'HH:mm:sszzz"));

        var models = new BenchModels(context.Paths);
        var gatewayXml = models.Xml(BenchModels.GatewayFile);
        var gateway = models.Compile(gatewayXml, GatewayProcess);
        var timer = models.Compile(models.Xml(BenchModels.TimerFile), TimerProcess);
        var parsesBeforeRuns = models.Parses;
        var driver = new GatewayDriver(gateway, T0);

        // (a) user-task-gateway, the definition compiled once and shared by every instance.
        context.Log("user-task-gateway in memory: warm-up");
        Measure.WarmUp(() => driver.InMemory(10_000), WarmUpTime);
        var memoryTallies = new List<GatewayTally>();
        var memory = Measure.Repeat("gateway.memory", "user-task-gateway, in memory", instances, runs,
            () => memoryTallies.Add(driver.InMemory(instances)), context.Log);

        context.Log("user-task-gateway with the state as JSON per step: warm-up");
        Measure.WarmUp(() => driver.WithStateJson(10_000), WarmUpTime);
        var jsonTallies = new List<GatewayTally>();
        var json = Measure.Repeat("gateway.json", "user-task-gateway, state JSON per step", instances, runs,
            () => jsonTallies.Add(driver.WithStateJson(instances)), context.Log);
        var gatewayInstancesRun = memoryTallies.Sum(t => t.Instances) + jsonTallies.Sum(t => t.Instances);
        var parsesDuringRuns = models.Parses - parsesBeforeRuns;

        // (b) the state of an instance waiting at review.
        var waiting = driver.WaitingAtReview();
        var stateBytes = StateJson.SerializeToUtf8(waiting);
        var reread = StateJson.SerializeToUtf8(StateJson.Deserialize(stateBytes));

        // (d) user-task-timer-boundary on a virtual clock.
        var timerDriver = new TimerDriver(timer, T0);
        context.Log("user-task-timer-boundary in memory: warm-up");
        Measure.WarmUp(() => timerDriver.Run(TimerInstances), WarmUpTime);
        var timerTallies = new List<TimerTally>();
        var timers = Measure.Repeat("timer.memory", "user-task-timer-boundary, in memory (virtual clock)", TimerInstances, smallRuns,
            () => timerTallies.Add(timerDriver.Run(TimerInstances)), context.Log);

        // (e) parsing against running: what reusing the compiled definition saves.
        context.Log("parse cost: warm-up");
        Measure.WarmUp(() => ParseMany(gatewayXml, 100), WarmUpTime);
        var parse = Measure.Repeat("parse", "parse + compile user-task-gateway.bpmn", ParseRounds, smallRuns,
            () => ParseMany(gatewayXml, ParseRounds), context.Log);
        Measure.WarmUp(() => GatewayDriver.ParsingEach(gatewayXml, GatewayProcess, 500, T0), WarmUpTime);
        var parseEachTallies = new List<GatewayTally>();
        var parseEach = Measure.Repeat("gateway.parseEach", "user-task-gateway, XML parsed by every instance", ParseEachInstances, smallRuns,
            () => parseEachTallies.Add(GatewayDriver.ParsingEach(gatewayXml, GatewayProcess, ParseEachInstances, T0)), context.Log);

        // (c) bpmn-engine on the same models, after our measurements so the two never share the cores.
        NodeBench.Outcome? node = null;
        if (!options.SkipNode) node = NodeBench.Run(context, nodeInstances);
        var bpmnEngine = BpmnEngineFigures.From(node?.Result);

        report.Series.AddRange([memory, json, timers, parse, parseEach]);
        AddGatewayFigures(report, memory, json, jsonTallies);
        AddStateFigures(report, stateBytes, bpmnEngine);
        AddComparisonFigures(report, memory, json, parseEach, bpmnEngine);
        AddTimerFigures(report, timers, bpmnEngine);
        AddReuseFigures(report, memory, parse, parseEach, parsesBeforeRuns, parsesDuringRuns, gatewayInstancesRun);

        AddChecks(report, memoryTallies, jsonTallies, parseEachTallies, timerTallies, waiting, stateBytes, reread,
            parsesBeforeRuns, parsesDuringRuns, gatewayInstancesRun, options.SkipNode, node, bpmnEngine);

        report.Exhibits.Add(new Exhibit("state.atReview", "CoBan state of one instance waiting at `review` (StateJson, as stored)", "json",
            Encoding.UTF8.GetString(stateBytes)));
        AddNotes(report);
        report.Raw.Add(new("bpmnEngine", node?.Result?.DeepClone()));
        return report;
    }

    private static void ParseMany(string xml, int count)
    {
        for (var i = 0; i < count; i++) BenchModels.Parse(xml, GatewayProcess);
    }

    private static void AddGatewayFigures(SuiteReport report, Series memory, Series json, List<GatewayTally> jsonTallies)
    {
        const string memoryGroup = "(a) user-task-gateway in memory, definition parsed once";
        report.Figure("gateway.memory.instancesPerSecond", memoryGroup, "instances/s (wall, best run)", memory.PerSecondWall, "instances/s");
        report.Figure("gateway.memory.instancesPerSecondCpu", memoryGroup, "instances/s (CPU time, best run)", memory.PerSecondCpu, "instances/s");
        report.Figure("gateway.memory.wallSeconds", memoryGroup, "wall time, best run", memory.BestWallSeconds, "s");
        report.Figure("gateway.memory.cpuSeconds", memoryGroup, "CPU time, best run", memory.BestCpuSeconds, "s");
        report.Figure("gateway.memory.cpuMicrosecondsPerInstance", memoryGroup, "CPU time per instance (2 Advance calls)", memory.MicrosecondsPerInstanceCpu, "µs");
        report.Figure("gateway.memory.allocatedBytesPerInstance", memoryGroup, "allocated per instance", memory.AllocatedBytesPerInstance, "B",
            note: "includes the driver's Start/CompleteTask and variables dictionary");

        const string jsonGroup = "(a) user-task-gateway, state stored as JSON after each step and read before the next (as the host)";
        report.Figure("gateway.json.instancesPerSecond", jsonGroup, "instances/s (wall, best run)", json.PerSecondWall, "instances/s");
        report.Figure("gateway.json.instancesPerSecondCpu", jsonGroup, "instances/s (CPU time, best run)", json.PerSecondCpu, "instances/s");
        report.Figure("gateway.json.wallSeconds", jsonGroup, "wall time, best run", json.BestWallSeconds, "s");
        report.Figure("gateway.json.cpuSeconds", jsonGroup, "CPU time, best run", json.BestCpuSeconds, "s");
        report.Figure("gateway.json.cpuMicrosecondsPerInstance", jsonGroup, "CPU time per instance (2 Advance, 2 writes, 1 read)", json.MicrosecondsPerInstanceCpu, "µs");
        report.Figure("gateway.json.allocatedBytesPerInstance", jsonGroup, "allocated per instance", json.AllocatedBytesPerInstance, "B");
        var last = jsonTallies.LastOrDefault();
        report.Figure("gateway.json.storedBytesPerInstance", jsonGroup, "state JSON written per instance (after start + at the end)",
            last is null ? null : last.StoredBytes / (double)last.Instances, "B");
    }

    private static void AddStateFigures(SuiteReport report, byte[] stateBytes, BpmnEngineFigures? bpmnEngine)
    {
        const string group = "(b) serialised state of one instance waiting at review";
        report.Figure("state.coban.bytes", group, "CoBan StateJson", stateBytes.Length, "B", new Target(Comparison.AtMost, 1_500));
        report.Figure("state.bpmnEngine.bytes", group, "bpmn-engine JSON.stringify(getState())", bpmnEngine?.StateBytes, "B");
        report.Figure("state.bpmnEngine.bytesWithoutModel", group, "bpmn-engine state without the embedded model", bpmnEngine?.StateBytesWithoutModel, "B");
        report.Figure("state.ratio", group, "bpmn-engine bytes / CoBan bytes", bpmnEngine?.StateBytes / (double)stateBytes.Length, "×");
    }

    private static void AddComparisonFigures(SuiteReport report, Series memory, Series json, Series parseEach, BpmnEngineFigures? other)
    {
        const string group = "(c) CoBan / bpmn-engine on user-task-gateway";
        report.Figure("bpmnEngine.gateway.instancesPerSecond", group, "bpmn-engine instances/s (wall)", other?.GatewayPerSecondWall, "instances/s");
        report.Figure("bpmnEngine.gateway.instancesPerSecondCpu", group, "bpmn-engine instances/s (CPU time)", other?.GatewayPerSecondCpu, "instances/s");
        report.Figure("ratio.memory.cpu", group, "CoBan in memory / bpmn-engine, CPU-time based", memory.PerSecondCpu / other?.GatewayPerSecondCpu, "×",
            new Target(Comparison.AtLeast, 100));
        report.Figure("ratio.memory.wall", group, "CoBan in memory / bpmn-engine, wall based", memory.PerSecondWall / other?.GatewayPerSecondWall, "×",
            new Target(Comparison.AtLeast, 100));
        report.Figure("ratio.json.cpu", group, "CoBan with state JSON per step / bpmn-engine (in memory), CPU-time based", json.PerSecondCpu / other?.GatewayPerSecondCpu, "×");
        report.Figure("ratio.json.wall", group, "CoBan with state JSON per step / bpmn-engine (in memory), wall based", json.PerSecondWall / other?.GatewayPerSecondWall, "×");
        report.Figure("bpmnEngine.gatewayParseEach.instancesPerSecond", group, "bpmn-engine, XML parsed by every instance: instances/s (wall)",
            other?.ParseEachPerSecondWall, "instances/s");
        report.Figure("ratio.parseEach.cpu", group, "CoBan / bpmn-engine, both parsing the XML per instance, CPU-time based",
            parseEach.PerSecondCpu / other?.ParseEachPerSecondCpu, "×");
    }

    private static void AddTimerFigures(SuiteReport report, Series timers, BpmnEngineFigures? other)
    {
        const string group = "(d) user-task-timer-boundary, 2,000 instances, in memory";
        report.Figure("timer.memory.wallSeconds", group, "CoBan: start 2,000, advance the virtual clock past PT0.01S, fire all (wall, best run)",
            timers.BestWallSeconds * 1000, "ms");
        report.Figure("timer.memory.cpuSeconds", group, "CoBan: the same, CPU time (best run)", timers.BestCpuSeconds * 1000, "ms");
        report.Figure("timer.memory.instancesPerSecondCpu", group, "CoBan: instances/s (start + timer fired, CPU time)", timers.PerSecondCpu, "instances/s");
        report.Figure("timer.memory.allocatedBytesPerInstance", group, "CoBan: allocated per instance", timers.AllocatedBytesPerInstance, "B");
        report.Figure("bpmnEngine.timer.seconds", group, "bpmn-engine: all started at once until all ended (wall, real 10 ms timers)",
            other?.TimerSeconds * 1000, "ms");
        report.Figure("bpmnEngine.timer.cpuSeconds", group, "bpmn-engine: the same, CPU time", other?.TimerCpuSeconds * 1000, "ms");
        report.Figure("ratio.timer.cpu", group, "bpmn-engine CPU time / CoBan CPU time", other?.TimerCpuSeconds / timers.BestCpuSeconds, "×");
    }

    private static void AddReuseFigures(SuiteReport report, Series memory, Series parse, Series parseEach, int parsesBeforeRuns, int parsesDuringRuns, int instancesRun)
    {
        const string group = "(e) one compiled definition reused by every instance";
        report.Figure("reuse.parses", group, $"parses of the two models for the whole suite ({instancesRun:N0} measured gateway instances)",
            parsesBeforeRuns + parsesDuringRuns, "parses");
        report.Figure("reuse.parseCpuMicroseconds", group, "one parse + compile of user-task-gateway.bpmn (CPU time, best run)", parse.MicrosecondsPerInstanceCpu, "µs");
        report.Figure("reuse.parseAllocatedBytes", group, "allocated per parse", parse.AllocatedBytesPerInstance, "B");
        report.Figure("reuse.instanceCpuMicroseconds", group, "one instance start → end with the shared definition (CPU time)", memory.MicrosecondsPerInstanceCpu, "µs");
        report.Figure("reuse.parseToInstance", group, "one parse costs as much as this many instances", parse.MicrosecondsPerInstanceCpu / memory.MicrosecondsPerInstanceCpu, "instances");
        report.Figure("reuse.parseEach.instancesPerSecondCpu", group, "instances/s if every instance parsed the XML (CPU time)", parseEach.PerSecondCpu, "instances/s");
    }
}
