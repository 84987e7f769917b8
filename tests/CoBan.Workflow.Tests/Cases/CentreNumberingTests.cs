using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoBan.Workflow.Tests.Support;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Cases;

/// <summary>The centre-wide 统一受理编号 option (issue 21): one sequence for all the centre's bureaus, the bureau's number kept beside it.</summary>
public class CentreNumberingTests
{
    private static readonly Dictionary<string, string?> CentreWide = new() { ["CoBan:CaseNumbering:CentrePrefix"] = "BZ" };

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Registrations_at_several_bureaus_at_the_same_moment_share_one_centre_sequence_and_keep_their_bureau_numbers(Db db)
    {
        await using var host = await StartAsync(db, settings: CentreWide);
        var zhang = await host.LoginAsync("zhang.wei");
        var li = await host.LoginAsync("li.na");
        var zhou = await host.LoginAsync("zhou.hui");
        var year = ManualClock.Default.ToOffset(TimeSpan.FromHours(8)).Year;

        // The year's first numbers are taken by racing registrations too: the centre's row and each bureau's are inserted under the race.
        var desks = new[] { (zhang, "SCJG-003", "BZ-SCJG"), (li, "SCJG-003", "BZ-SCJG"), (zhou, "WSJ-003", "BZ-WSJDS") };
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
        {
            var (client, matter, bureau) = desks[i % desks.Length];
            return client.PostAsJsonAsync("/api/v1/cases", Registration(matter, bureau, [], applicant: Applicant($"申请人{i:D2}", $"1390000{i:D4}")));
        }));
        var cases = new List<JsonNode>();
        foreach (var (response, i) in responses.Select((r, i) => (r, i)))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            cases.Add(await CaseAsync(desks[i % desks.Length].Item1, Id(await response.JsonAsync())));
        }

        var numbers = cases.Select(c => (string)c["summary"]!["number"]!).Order(StringComparer.Ordinal).ToList();
        numbers.ShouldBe(Enumerable.Range(1, 12).Select(n => $"BZ-{year}-{n:D6}").ToList(), "one centre sequence, unique, across both bureaus");

        string[] Own(string bureau) => cases.Where(c => (string)c["summary"]!["bureau"]!["code"]! == bureau)
            .Select(c => (string)c["bureauNumber"]!).Order(StringComparer.Ordinal).ToArray();
        Own("BZ-SCJG").ShouldBe(Enumerable.Range(1, 8).Select(n => $"BZ-SCJG-{year}-{n:D5}").ToArray());
        Own("BZ-WSJDS").ShouldBe(Enumerable.Range(1, 4).Select(n => $"BZ-WSJDS-{year}-{n:D5}").ToArray());

        // Either number finds the case.
        var first = cases.First(c => (string)c["summary"]!["bureau"]!["code"]! == "BZ-WSJDS");
        var byCentre = await zhou.GetJsonAsync($"/api/v1/cases/by-number/{(string)first["summary"]!["number"]!}");
        var byBureau = await zhou.GetJsonAsync($"/api/v1/cases/by-number/{(string)first["bureauNumber"]!}");
        Id(byCentre).ShouldBe(Id(first));
        Id(byBureau).ShouldBe(Id(first));
    }
}
