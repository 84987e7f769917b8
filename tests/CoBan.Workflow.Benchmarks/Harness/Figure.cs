namespace CoBan.Workflow.Benchmarks.Harness;

public enum Comparison : byte { AtLeast, AtMost }

/// <summary>What a figure must reach; <see cref="Reference"/> says where the target comes from.</summary>
public sealed record Target(Comparison Comparison, double Value, string? Reference = null)
{
    public bool IsMetBy(double value) => Comparison == Comparison.AtLeast ? value >= Value : value <= Value;

    public string Text => (Comparison == Comparison.AtLeast ? "≥ " : "≤ ") + Numbers.Text(Value);
}

public enum FigureStatus : byte { Info, Pass, Fail, Skipped }

/// <summary>One measured number. A null value means it was not measured in this run (e.g. --skip-node).</summary>
public sealed record Figure(string Id, string Group, string Label, double? Value, string Unit, Target? Target = null, string? Note = null)
{
    public FigureStatus Status => Value is not { } value ? FigureStatus.Skipped
        : Target is null ? FigureStatus.Info
        : Target.IsMetBy(value) ? FigureStatus.Pass
        : FigureStatus.Fail;
}

/// <summary>A correctness check on what was run (the benchmark measured the right thing); Passed is null when it was not run.</summary>
public sealed record Check(string Id, string Label, bool? Passed, string Detail);

/// <summary>Something to show verbatim in the results (e.g. the serialised state).</summary>
public sealed record Exhibit(string Id, string Title, string Language, string Text);
