using CoBan.Workflow.Engine.Expressions;
using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Engine.Execution;

public sealed record EngineOptions
{
    /// <summary>The working-day calendar for P5WD durations and working-day functions; null: such durations fail clearly.</summary>
    public IWorkingDays? Calendar { get; init; }

    /// <summary>Elements one stimulus may pass through before the model is judged to loop without waiting.</summary>
    public int MaxSteps { get; init; } = 10_000;

    public static EngineOptions Default { get; } = new();
}

/// <summary>
/// The functional core: (definition, state, stimulus, now) → (new state, commands, trace).
/// No I/O, no clock, no sleeping; the caller's state is never modified.
/// </summary>
public static class Executor
{
    public static AdvanceResult Advance(ProcessDefinition definition, InstanceState? state, Stimulus stimulus, DateTimeOffset now, EngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(stimulus);
        options ??= EngineOptions.Default;

        if (stimulus is Start)
        {
            // Whether a non-executable process may start (called from its own file, say) is the caller's decision.
            if (state is not null) return Refuse(state, "already-started", "实例已启动", "the instance has already started");
        }
        else if (state is null)
        {
            return Refuse(new InstanceState { ProcessId = definition.Id }, "not-started", "实例尚未启动", "the instance has not started");
        }
        else if (state.IsEnded)
        {
            // Late arrivals for an ended instance are expected (a timer or service racing the end): not errors.
            return stimulus is FireTimer or DeliverSignal or CompleteService or FailService or CompleteCallActivity or EscalateCallActivity
                ? new AdvanceResult(AdvanceOutcome.Ignored, state, [], [], [])
                : Refuse(state, "ended", "实例已结束", "the instance has ended");
        }

        if (UnstorableVariable(stimulus) is { } name)
            return Refuse(state ?? new InstanceState { ProcessId = definition.Id }, "invalid-variable",
                $"变量 '{name}' 的值无法保存（类型不受支持或嵌套超过 64 层）",
                $"variable '{name}' has a value that cannot be stored (an unsupported type, or nested more than 64 levels)");

        var working = state?.Clone() ?? new InstanceState { ProcessId = definition.Id };
        var run = new Run(definition, working, now, options);
        try
        {
            var outcome = run.Apply(stimulus);
            if (outcome != AdvanceOutcome.Applied)
                return new AdvanceResult(outcome, state ?? working, [], [], run.Rejections);
        }
        catch (StepLimitExceeded e)
        {
            return Refuse(state ?? working, "loop", $"流程在元素 '{e.ElementId}' 附近循环超过 {options.MaxSteps} 步而没有等待，可能是死循环",
                $"the process ran more than {options.MaxSteps} steps near '{e.ElementId}' without waiting: probably an endless loop");
        }
        working.Version++;
        return new AdvanceResult(AdvanceOutcome.Applied, working, run.Commands, run.Trace, []);
    }

    /// <summary>
    /// The first variable the stimulus brings that has no value-model equivalent. Form data comes from
    /// the web, so a value nested too deeply is an input to refuse, not an exception to throw.
    /// </summary>
    private static string? UnstorableVariable(Stimulus stimulus)
    {
        var variables = stimulus switch
        {
            Start s => s.Variables,
            CompleteTask c => c.Variables,
            DeliverMessage m => m.Variables,
            DeliverSignal s => s.Variables,
            CompleteService c => c.Variables,
            CompleteCallActivity c => c.Variables,
            SetVariables s => s.Variables,
            _ => null,
        };
        if (variables is null) return null;
        foreach (var (name, value) in variables)
            if (!Values.TryNormalize(value, out _)) return name;
        return null;
    }

    private static AdvanceResult Refuse(InstanceState state, string code, string zh, string en) =>
        new(AdvanceOutcome.Rejected, state, [], [], [new Rejection(code, zh, en)]);
}

internal sealed class StepLimitExceeded(string elementId) : Exception(elementId)
{
    public string ElementId { get; } = elementId;
}
