using CoBan.Workflow.Hosting;

namespace CoBan.Workflow.Tests.Security;

/// <summary>Personal numbers in every common written form stay out of the logs (before: bare 11-digit mobiles only).</summary>
public class LogMaskingTests
{
    [Theory]
    [InlineData("电话 +8613812345678", "电话 +86138****5678")]
    [InlineData("电话 +86 138 1234 5678", "电话 +86 138****5678")]
    [InlineData("phone 0086-138-1234-5678", "phone 0086-138****5678")]
    [InlineData("phone 8613812345678.", "phone 86138****5678.")]
    [InlineData("手机 138-1234-5678，", "手机 138****5678，")]
    [InlineData("旧身份证 110105900307123 已核验", "旧身份证 110105******123 已核验")]
    [InlineData("身份证 110105199003071234", "身份证 110105********1234")]
    [InlineData("办件 BZ-SCJG-2026-00017 金额 1200", "办件 BZ-SCJG-2026-00017 金额 1200")]
    public void Phone_and_id_numbers_in_other_forms_are_masked(string text, string expected) =>
        PersonalData.Mask(text).ShouldBe(expected);
}
