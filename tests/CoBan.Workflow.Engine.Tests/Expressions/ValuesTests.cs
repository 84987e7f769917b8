using System.Text.Json;
using System.Text.Json.Nodes;
using CoBan.Workflow.Engine.Expressions;

namespace CoBan.Workflow.Engine.Tests.Expressions;

public class ValuesTests
{
    private enum Kind { Notice }

    [Fact]
    public void Model_values_pass_through_unchanged()
    {
        Values.Normalize(null).ShouldBeNull();
        Values.Normalize(true).ShouldBe(true);
        Values.Normalize(5L).ShouldBe(5L);
        Values.Normalize(1.5).ShouldBe(1.5);
        Values.Normalize("文本").ShouldBe("文本");
        var now = DateTimeOffset.UtcNow;
        Values.Normalize(now).ShouldBe(now);
    }

    [Fact]
    public void Other_numbers_become_long_or_double()
    {
        Values.Normalize(3).ShouldBe(3L);
        Values.Normalize((short)3).ShouldBe(3L);
        Values.Normalize((byte)3).ShouldBe(3L);
        Values.Normalize(3u).ShouldBe(3L);
        Values.Normalize(3ul).ShouldBe(3L);
        Values.Normalize(ulong.MaxValue).ShouldBe((double)ulong.MaxValue);
        Values.Normalize(0.1f).ShouldBe(0.1);
        Values.Normalize(12.5m).ShouldBe(12.5);
    }

    [Fact]
    public void Dates_become_date_time_offsets_with_unspecified_times_read_in_Beijing()
    {
        Values.Normalize(new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Unspecified))
            .ShouldBe(new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.FromHours(8)));
        var utc = (DateTimeOffset)Values.Normalize(new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc))!;
        utc.Offset.ShouldBe(TimeSpan.Zero);
        Values.Normalize(new DateOnly(2026, 10, 1)).ShouldBe(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public void Enums_guids_and_chars_become_text()
    {
        Values.Normalize(Kind.Notice).ShouldBe("Notice");
        Values.Normalize('中').ShouldBe("中");
        Values.Normalize(Guid.Empty).ShouldBe("00000000-0000-0000-0000-000000000000");
    }

    [Fact]
    public void Json_elements_become_model_trees()
    {
        using var document = JsonDocument.Parse("""{"a": 1, "b": 1.5, "c": "x", "d": [true, null], "e": {"f": false}}""");
        var map = Values.Normalize(document.RootElement).ShouldBeOfType<Dictionary<string, object?>>();
        map["a"].ShouldBe(1L);
        map["b"].ShouldBe(1.5);
        map["c"].ShouldBe("x");
        map["d"].ShouldBe(new List<object?> { true, null });
        map["e"].ShouldBe(new Dictionary<string, object?> { ["f"] = false });
    }

    [Fact]
    public void Json_nodes_become_model_trees()
    {
        var node = JsonNode.Parse("""{"a": [1, "two"], "b": {"c": 2.5}}""")!;
        node["z"] = 7; // a node built in code wraps a CLR int rather than a JsonElement
        var map = (IReadOnlyDictionary<string, object?>)Values.Normalize(node)!;
        map["a"].ShouldBe(new List<object?> { 1L, "two" });
        ((IReadOnlyDictionary<string, object?>)map["b"]!)["c"].ShouldBe(2.5);
        map["z"].ShouldBe(7L);
    }

    [Fact]
    public void Collections_are_rebuilt_deeply()
    {
        var source = new Dictionary<string, int[]> { ["xs"] = [1, 2] };
        var map = (IReadOnlyDictionary<string, object?>)Values.Normalize(source)!;
        map["xs"].ShouldBe(new List<object?> { 1L, 2L });
        Values.Normalize(new List<object?> { 1, "a" }).ShouldBe(new List<object?> { 1L, "a" });
    }

    [Fact]
    public void Values_without_a_model_equivalent_are_refused()
    {
        Should.Throw<ArgumentException>(() => Values.Normalize(new object())).Message.ShouldContain("cannot convert");
        Should.Throw<ArgumentException>(() => Values.Normalize(double.NaN));
        Should.Throw<ArgumentException>(() => Values.Normalize(TimeSpan.FromHours(1)));
        Values.TryNormalize(new List<object?> { new object() }, out _).ShouldBeFalse();
        var loop = new List<object?>();
        loop.Add(loop);
        Values.TryNormalize(loop, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null, "空值 / null")]
    [InlineData(true, "布尔值 / boolean")]
    [InlineData(1L, "整数 / integer")]
    [InlineData(1.5, "小数 / decimal")]
    [InlineData("x", "文本 / string")]
    public void Describe_names_the_kind_in_both_languages(object? value, string expected) =>
        Values.Describe(value).ShouldBe(expected);

    [Fact]
    public void Describe_names_dates_lists_maps_and_strangers()
    {
        Values.Describe(DateTimeOffset.Now).ShouldBe("日期时间 / date-time");
        Values.Describe(new List<object?>()).ShouldBe("列表 / list");
        Values.Describe(new Dictionary<string, object?>()).ShouldBe("映射 / map");
        Values.Describe(TimeSpan.Zero).ShouldBe("不支持的类型 TimeSpan / unsupported type TimeSpan");
    }

    [Fact]
    public void To_text_is_the_interpolation_form()
    {
        Values.ToText(null).ShouldBe("");
        Values.ToText(2.0).ShouldBe("2");
        Values.ToText(new DateTimeOffset(2026, 10, 1, 9, 0, 0, 250, TimeSpan.FromHours(8))).ShouldBe("2026-10-01T09:00:00.25+08:00");
        Values.ToText(new List<object?> { "a", new Dictionary<string, object?> { ["k"] = null } }).ShouldBe("[a, {k=}]");
    }
}
