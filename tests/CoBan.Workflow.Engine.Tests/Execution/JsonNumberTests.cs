using System.Text.Json;
using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Expressions;

namespace CoBan.Workflow.Engine.Tests.Execution;

public class JsonNumberTests
{
    [Theory]
    [InlineData("3", typeof(long))]
    [InlineData("3.5", typeof(double))]
    [InlineData("3.0", typeof(double))]
    [InlineData("-12", typeof(long))]
    public void A_json_number_keeps_its_kind_when_read_by_the_state_reader_and_by_normalisation(string json, Type expected)
    {
        var element = JsonDocument.Parse(json).RootElement;
        StateJson.ReadValue(element)!.GetType().ShouldBe(expected);
        Values.Normalize(element)!.GetType().ShouldBe(expected);
    }
}
