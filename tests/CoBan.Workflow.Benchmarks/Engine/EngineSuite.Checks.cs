using CoBan.Workflow.Benchmarks.Harness;
using CoBan.Workflow.Engine.Execution;

namespace CoBan.Workflow.Benchmarks.Engine;

/// <summary>What makes the figures trustworthy: the instances did what the models README says.</summary>
public sealed partial class EngineSuite
{
    private static void AddChecks(SuiteReport report, List<GatewayTally> memory, List<GatewayTally> json, List<GatewayTally> parseEach,
        List<TimerTally> timers, InstanceState waiting, byte[] stateBytes, byte[] reread, int parsesBeforeRuns, int parsesDuringRuns,
        int gatewayInstancesRun, bool nodeSkipped, NodeBench.Outcome? node, BpmnEngineFigures? bpmnEngine)
    {
        GatewayCheck(report, "gateway.memory.outcomes", "user-task-gateway in memory: half endApproved, half endRejected, each as its variable says", memory);
        GatewayCheck(report, "gateway.json.outcomes", "user-task-gateway with state JSON: half endApproved, half endRejected, each as its variable says", json);
        GatewayCheck(report, "gateway.parseEach.outcomes", "user-task-gateway parsing per instance: half endApproved, half endRejected", parseEach);

        var waitingAt = string.Join(", ", waiting.WaitingAt);
        report.Check("state.waitsAtReview", "the measured state waits at review (and only there)", waitingAt == GatewayDriver.Review,
            $"waiting at: {waitingAt}");
        report.Check("state.roundTrip", "the state JSON reads back to the same state (written again, byte for byte)", stateBytes.AsSpan().SequenceEqual(reread),
            $"{stateBytes.Length} B written, {reread.Length} B after a read and a write");

        var timerRuns = timers.Count(t => t.AllTimedOut);
        var lastTimer = timers.Last();
        report.Check("timer.outcomes", "user-task-timer-boundary: every instance reached review, its timer was due at +10 ms (not before), every one ended in endTimedOut, none in endCompleted",
            timerRuns == timers.Count,
            $"{timerRuns} of {timers.Count} runs all timed out; last run: {lastTimer.ReachedReview} reached review, {lastTimer.ScheduledAt10Ms} scheduled at +10 ms, " +
            $"{lastTimer.DueBeforeTimeout} due earlier, {lastTimer.TimedOut} endTimedOut, {lastTimer.Completed} endCompleted, {lastTimer.TasksCancelled} tasks cancelled, of {lastTimer.Instances}");

        report.Check("reuse.parsedOnce", "each model parsed once; no parse while the instances ran", parsesBeforeRuns == 2 && parsesDuringRuns == 0,
            $"{parsesBeforeRuns} parses before the runs (gateway, timer), {parsesDuringRuns} during the {gatewayInstancesRun:N0} measured gateway instances");

        if (nodeSkipped)
        {
            report.Check("bpmnEngine.ran", "bpmn-engine side ran and printed its JSON", null, "not run: --skip-node");
            report.Check("bpmnEngine.outcomes", "bpmn-engine side: its own checks passed (half/half, 2,000 endTimedOut)", null, "not run: --skip-node");
            return;
        }
        report.Check("bpmnEngine.ran", "bpmn-engine side ran and printed its JSON", bpmnEngine is not null,
            bpmnEngine is null ? node?.Error ?? "no result" : $"bpmn-engine {bpmnEngine.Version}, exit code {node!.ExitCode}");
        var ok = bpmnEngine is not null && node!.ExitCode == 0
                 && bpmnEngine.GatewayApproved == (bpmnEngine.GatewayInstances + 1) / 2 && bpmnEngine.GatewayRejected == bpmnEngine.GatewayInstances / 2
                 && bpmnEngine.TimerTimedOut == bpmnEngine.TimerInstances;
        report.Check("bpmnEngine.outcomes", "bpmn-engine side: its own checks passed (half/half, 2,000 endTimedOut)", ok,
            bpmnEngine is null ? "no result"
                : $"{bpmnEngine.GatewayApproved} approved, {bpmnEngine.GatewayRejected} rejected of {bpmnEngine.GatewayInstances}; " +
                  $"{bpmnEngine.TimerTimedOut} of {bpmnEngine.TimerInstances} timed out{(node!.Error is { } e ? "; " + e : "")}");
    }

    private static void GatewayCheck(SuiteReport report, string id, string label, List<GatewayTally> tallies)
    {
        var good = tallies.Count(t => t.IsHalfAndHalf);
        var last = tallies.Last();
        report.Check(id, label, good == tallies.Count,
            $"{good} of {tallies.Count} runs right; last run: {last.Approved:N0} endApproved, {last.Rejected:N0} endRejected, {last.Wrong} wrong, of {last.Instances:N0}");
    }

    private static void AddNotes(SuiteReport report)
    {
        report.Notes.Add("Instances/s = instances of the run / time of the run. Wall-based figures take the run with the least wall time, " +
                         "CPU-based figures the run with the least CPU time. CPU time is the whole process's (user + system, all threads, the GC's " +
                         "included), as bpmn-engine's cpuSeconds (process.cpuUsage()). On this shared 2-core machine wall time grows when colleagues " +
                         "build; CPU time much less: prefer the CPU-based ratios.");
        report.Notes.Add("The target ratio (≥ 100×) compares like with like: CoBan in memory against bpmn-engine in memory (its bench keeps each " +
                         "Engine in memory and never serialises it). The ratios with the state stored as JSON per step are shown for what the host pays.");
        report.Notes.Add("Allocated bytes are the measuring thread's (GC.GetAllocatedBytesForCurrentThread) divided by the instances, and include " +
                         "what the driver allocates per instance as a host would (the Start and CompleteTask stimuli, the variables dictionary).");
        report.Notes.Add("user-task-timer-boundary here runs on a virtual clock (no sleeping): the figure is the engine's cost of starting 2,000 " +
                         "instances and firing their timers. bpmn-engine's figure is wall time with real 10 ms timers, so only the CPU times compare. " +
                         "The persisted version with Quartz is the planned `timers` suite. The driver is the Executor with a priority queue " +
                         "standing in for the scheduler, not the Simulator: the Simulator re-sorts every pending timer of every instance after " +
                         "each step, which is quadratic in instances (about 0.2 s for 2,000, 1 s for 4,000) and meant for one scripted instance.");
        report.Notes.Add("bpmn-engine's time goes mostly to its in-process message broker (smqp: every activity transition is a queued message; " +
                         "about half its CPU in a --cpu-prof of the user-task-gateway loop) and to garbage collection (about a fifth), not to the driver.");
        report.Notes.Add("bpmn-engine's state embeds the serialised model (definitions[].source) in every instance's state; the figure without it is shown too. " +
                         "CoBan's state names the process and keeps the model out (the host stores the definition once per version).");
    }
}
