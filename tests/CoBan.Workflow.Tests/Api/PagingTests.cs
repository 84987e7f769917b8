using System.Net;
using System.Text.Json.Nodes;
using CoBan.Workflow.Tests.Support;

namespace CoBan.Workflow.Tests.Api;

/// <summary>Every list endpoint pages (?page=, ?pageSize=) and says how many rows there are in all: nothing is cut silently.</summary>
public sealed class PagingTests
{
    [Fact]
    public async Task More_tasks_than_a_page_are_all_reachable_and_the_total_says_how_many_there_are()
    {
        await using var host = await TestHost.StartAsync();
        var procedure = await ProcedureSteps.PublishAsync(host, Models.Review());
        var zhang = await host.LoginAsync("zhang.wei");
        const int count = 505; // the task list used to stop at 500 without a word
        for (var started = 0; started < count; started += 250)
        {
            var batch = Enumerable.Range(0, Math.Min(250, count - started))
                .Select(_ => new { variables = new Dictionary<string, object?> { ["caseOwner"] = "zhang.wei" } }).ToList();
            await zhang.PostJsonAsync("/api/v1/instances/batch", new { procedureId = procedure, instances = batch });
        }

        var first = await zhang.GetAsync("/api/v1/tasks?filter=mine");
        (await first.JsonAsync()).AsArray().Count.ShouldBe(500);
        Header(first, "X-Total-Count").ShouldBe("505");
        first.Headers.GetValues("Link").Single().ShouldBe("</api/v1/tasks?filter=mine&page=2&pageSize=500>; rel=\"next\"");
        var second = await zhang.GetAsync("/api/v1/tasks?filter=mine&page=2");
        (await second.JsonAsync()).AsArray().Count.ShouldBe(5);
        second.Headers.Contains("Link").ShouldBeFalse("the last page has no next");

        // Small pages walk the whole list once, in the same order as one big page.
        var all = (await zhang.GetJsonAsync("/api/v1/tasks?filter=mine&pageSize=1000")).AsArray().Select(t => (long)t!["id"]!).ToList();
        var walked = new List<long>();
        for (var page = 1; ; page++)
        {
            var items = (await zhang.GetJsonAsync($"/api/v1/tasks?filter=mine&page={page}&pageSize=200")).AsArray();
            if (items.Count == 0) break;
            walked.AddRange(items.Select(t => (long)t!["id"]!));
        }
        walked.ShouldBe(all);
        all.Count.ShouldBe(count);

        // The same on the other lists, and on a list sifted after SQL (the group queue, a due filter).
        var instances = await zhang.GetAsync("/api/v1/instances?pageSize=10&page=3");
        (await instances.JsonAsync()).AsArray().Count.ShouldBe(10);
        Header(instances, "X-Total-Count").ShouldBe("505");
        Header(instances, "X-Page").ShouldBe("3");
        var upcoming = await zhang.GetAsync("/api/v1/tasks?filter=mine&due=upcoming&pageSize=7");
        (await upcoming.JsonAsync()).AsArray().Count.ShouldBe(7);
        Header(upcoming, "X-Total-Count").ShouldBe("505");

        await (await zhang.GetAsync("/api/v1/tasks?pageSize=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "bad-page-size");
        await (await zhang.GetAsync("/api/v1/tasks?page=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "bad-page");
    }

    [Theory]
    [InlineData("/api/v1/incidents")]
    [InlineData("/api/v1/timers")]
    [InlineData("/api/v1/timers/misfired")]
    [InlineData("/api/v1/deadlines")]
    [InlineData("/api/v1/transfers")]
    [InlineData("/api/v1/evaluations")]
    public async Task Every_list_endpoint_answers_with_its_total(string url)
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.LoginAsync("admin");
        var response = await admin.GetAsync(url + "?pageSize=2");
        (await response.JsonAsync()).ShouldBeOfType<JsonArray>();
        int.Parse(Header(response, "X-Total-Count")).ShouldBeGreaterThanOrEqualTo(0);
        Header(response, "X-Page-Size").ShouldBe("2");
    }

    private static string Header(HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();
}
