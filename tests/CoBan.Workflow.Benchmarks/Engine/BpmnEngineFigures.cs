using System.Text.Json.Nodes;

namespace CoBan.Workflow.Benchmarks.Engine;

/// <summary>The figures read from node/bench.mjs's JSON (fields documented in node/README.md).</summary>
public sealed record BpmnEngineFigures(
    string? Version,
    int GatewayInstances,
    int GatewayApproved,
    int GatewayRejected,
    double GatewaySeconds,
    double GatewayCpuSeconds,
    double? StateBytes,
    double? StateBytesWithoutModel,
    int ParseEachInstances,
    double ParseEachSeconds,
    double ParseEachCpuSeconds,
    int TimerInstances,
    int TimerTimedOut,
    double TimerSeconds,
    double TimerCpuSeconds)
{
    public double GatewayPerSecondWall => GatewayInstances / GatewaySeconds;
    public double GatewayPerSecondCpu => GatewayInstances / GatewayCpuSeconds;
    public double ParseEachPerSecondWall => ParseEachInstances / ParseEachSeconds;
    public double ParseEachPerSecondCpu => ParseEachInstances / ParseEachCpuSeconds;

    public static BpmnEngineFigures? From(JsonObject? result)
    {
        if (result?["userTaskGateway"] is not JsonObject gateway || result["timerBoundary"] is not JsonObject timer) return null;
        var parseEach = result["extra"]?["userTaskGatewayParseEach"] as JsonObject;
        return new BpmnEngineFigures(
            result["version"]?.GetValue<string>(),
            Int(gateway["instances"]), Int(gateway["approved"]), Int(gateway["rejected"]),
            Number(gateway["seconds"]), Number(gateway["cpuSeconds"]),
            result["stateBytesAtUserTask"] is { } bytes ? Number(bytes) : null,
            result["extra"]?["stateBytesAtUserTaskWithoutEmbeddedModel"] is { } without ? Number(without) : null,
            Int(parseEach?["instances"]), Number(parseEach?["seconds"]), Number(parseEach?["cpuSeconds"]),
            Int(timer["instances"]), Int(timer["timedOut"]), Number(timer["seconds"]), Number(timer["cpuSeconds"]));
    }

    private static double Number(JsonNode? node) => node?.GetValue<double>() ?? double.NaN;

    private static int Int(JsonNode? node) => node is null ? 0 : (int)node.GetValue<double>();
}
