using CoBan.Workflow.Hosting;
using CoBan.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoBan.Workflow.Tests.Hosting;

public class LoggingTests
{
    [Theory]
    [InlineData("申请人电话 13812345678", "申请人电话 138****5678")]
    [InlineData("身份证 110105199003071234 已核验", "身份证 110105********1234 已核验")]
    [InlineData("身份证 11010519900307123X", "身份证 110105********123X")]
    [InlineData("案件号 BZ-SCJG-2026-00017", "案件号 BZ-SCJG-2026-00017")]
    public void Phone_and_id_numbers_are_masked_and_other_numbers_are_not(string text, string expected) =>
        PersonalData.Mask(text).ShouldBe(expected);

    [Fact]
    public async Task The_rolling_log_file_holds_structured_lines_without_personal_data()
    {
        await using var host = await TestHost.StartAsync();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CoBan.Test");
        logger.LogInformation("Registered case for {Applicant} phone {Phone}", "张三", "13912345678");
        await (await host.LoginAsync("zhang.wei")).GetAsync("/api/v1/tasks");
        var folder = Path.Combine(host.DataFolder, "logs");
        var text = string.Join("\n", Directory.Exists(folder) ? Directory.GetFiles(folder).Select(Read) : []);
        text.ShouldContain("139****5678");
        text.ShouldNotContain("13912345678");
        text.ShouldContain("HTTP GET /api/v1/tasks responded 200");
    }

    /// <summary>The sink keeps the file open: read it shared.</summary>
    private static string Read(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }
}
