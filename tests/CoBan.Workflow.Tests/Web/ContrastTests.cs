using System.Globalization;
using System.Text.RegularExpressions;
using CoBan.Workflow.Tests.Browser;

namespace CoBan.Workflow.Tests.Web;

/// <summary>The stylesheet's text colours on their backgrounds reach WCAG AA (4.5:1 for normal text).</summary>
public sealed partial class ContrastTests
{
    private static readonly string Css = File.ReadAllText(Path.Combine(Screenshots.RepositoryRoot(), "src", "CoBan.Workflow", "wwwroot", "css", "coban.css"));

    [Theory]
    [InlineData("--amber", "--amber-soft")]   // the amber badge
    [InlineData("--red", "--red-soft")]
    [InlineData("--green", "--green-soft")]
    [InlineData("--blue", "--blue-soft")]
    [InlineData("--muted", "--bg")]
    public void Badges_and_muted_text_reach_4_5_to_1(string text, string background) =>
        Ratio(Variable(text), Variable(background)).ShouldBeGreaterThanOrEqualTo(4.5, $"{text} on {background}");

    [Fact]
    public void The_language_link_in_the_dark_top_bars_reaches_4_5_to_1()
    {
        var bar = Hex(Regex.Match(Css, @"\.topbar \{[^}]*background: (#[0-9a-f]{6})").Groups[1].Value);
        var link = Hex(Regex.Match(Css, @"\.topbar a\.lang-switch, \.public-top a \{ color: (#[0-9a-f]{6})").Groups[1].Value);
        Ratio(link, bar).ShouldBeGreaterThanOrEqualTo(4.5);
    }

    private static (double R, double G, double B) Variable(string name) => Hex(Regex.Match(Css, Regex.Escape(name) + @": (#[0-9a-fA-F]{6})").Groups[1].Value);

    private static (double R, double G, double B) Hex(string hex)
    {
        hex.ShouldNotBeNullOrEmpty();
        int Part(int i) => int.Parse(hex.AsSpan(1 + i * 2, 2), NumberStyles.HexNumber);
        return (Part(0), Part(1), Part(2));
    }

    private static double Ratio((double R, double G, double B) a, (double R, double G, double B) b)
    {
        static double Channel(double c) { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4); }
        static double Luminance((double R, double G, double B) c) => 0.2126 * Channel(c.R) + 0.7152 * Channel(c.G) + 0.0722 * Channel(c.B);
        var (x, y) = (Luminance(a), Luminance(b));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }
}
