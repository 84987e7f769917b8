using System.Runtime.CompilerServices;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoBan.Workflow.Tests.Notices;

/// <summary>SMS, e-mail and print behind one seam (issue 14): each declares what it needs; the planner names none of them.</summary>
public class ChannelSeamTests
{
    [Fact]
    public async Task Each_channel_declares_its_address_consent_parts_and_length_rule()
    {
        await using var host = await TestHost.StartAsync(settings: new() { ["CoBan:Notices:Dispatcher:Enabled"] = "false" });
        var composers = host.Services.GetServices<INoticeComposer>().OrderBy(c => c.Order).ToList();

        composers.Select(c => (c.Name, c.Address, c.NeedsConsent)).ShouldBe([
            ("sms", AddressKind.Mobile, true), ("email", AddressKind.Email, true), ("print", AddressKind.None, false)]);
        composers.SelectMany(c => c.Parts).Order().ShouldBe(NoticeParts.All.Order());
        composers.Single(c => c.Name == "sms").LengthRule.ShouldNotBeNull().ShouldContain("35");
        var applicant = new NoticeRecipient("applicant", "李明", "13812345678", "liming@example.test", Staff: false, ConsentSms: false, ConsentEmail: true);
        composers.Single(c => c.Name == "email").SkipReason(applicant, new NoticeOptions()).ShouldBeNull();
        composers.Single(c => c.Name == "print").SkipReason(applicant with { Phone = null, Email = null }, new NoticeOptions()).ShouldBeNull();
    }

    [Fact]
    public void The_planner_knows_no_channel_by_name()
    {
        var planner = File.ReadAllText(Path.Combine(SourceRoot(), "src", "CoBan.Workflow", "Notices", "Outbox", "NoticePlanner.cs"));
        foreach (var name in new[] { "NoticeParts.Sms", "NoticeParts.Email", "NoticeParts.Print", "\"sms\"", "\"email\"", "\"print\"", "SmsChannel" })
            planner.ShouldNotContain(name);
    }

    private static string SourceRoot([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
