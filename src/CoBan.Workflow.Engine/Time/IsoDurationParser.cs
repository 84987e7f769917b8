using System.Globalization;

namespace CoBan.Workflow.Engine.Time;

/// <summary>
/// Reads <c>-?P[nY][nM][nW][nD|nWD][T[nH][nM][n[.f]S]]</c>. Strict on purpose (upper case, order
/// of parts, fraction only on seconds): a model that a timer misreads fails at publish time with a
/// message, instead of firing at a surprising time.
/// </summary>
internal static class IsoDurationParser
{
    private const string ExamplesZh = "（示例：PT10M、P3D、P5WD、P2WDT4H）";
    private const string ExamplesEn = " (examples: PT10M, P3D, P5WD, P2WDT4H)";

    public static bool TryParse(string text, out IsoDuration value, out string zh, out string en)
    {
        value = default;
        int[] date = new int[5], time = new int[3]; // Y M W D WD ; H M S(integer part)
        decimal seconds = 0;
        var i = 0;
        var negative = text.StartsWith('-');
        if (negative) i++;
        if (i >= text.Length || text[i] != 'P')
            return Fail(out zh, out en, "须以 P 开头", "it must start with P");
        i++;

        bool inTime = false, any = false;
        var lastRank = -1;
        while (i < text.Length)
        {
            if (text[i] == 'T')
            {
                if (inTime) return Fail(out zh, out en, "T 出现了两次", "T appears twice");
                inTime = true;
                lastRank = -1;
                i++;
                if (i == text.Length) return Fail(out zh, out en, "T 之后缺少时、分或秒", "nothing follows T");
                continue;
            }
            var numberStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            var hasFraction = i < text.Length && text[i] is '.' or ',';
            if (hasFraction)
            {
                i++;
                var fractionStart = i;
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                if (i == fractionStart) return Fail(out zh, out en, "小数点后缺少数字", "a decimal point has no digits after it");
            }
            if (i == numberStart || !char.IsAsciiDigit(text[numberStart]))
                return Fail(out zh, out en, $"第 {numberStart + 1} 个字符处应为数字", $"a number is expected at position {numberStart + 1}");
            if (i == text.Length)
                return Fail(out zh, out en, "数字后缺少单位（Y、M、W、D、WD、H、S）", "a number has no unit (Y, M, W, D, WD, H, S)");

            var number = text.AsSpan(numberStart, i - numberStart).ToString().Replace(',', '.');
            int rank;
            if (!inTime)
            {
                if (text[i] == 'W' && i + 1 < text.Length && text[i + 1] == 'D') { rank = 4; i += 2; }
                else
                {
                    rank = text[i] switch { 'Y' => 0, 'M' => 1, 'W' => 2, 'D' => 3, _ => -1 };
                    if (rank < 0)
                        return Fail(out zh, out en, $"日期部分的单位“{text[i]}”无效（时、分、秒须写在 T 之后）",
                            $"'{text[i]}' is not a date unit (hours, minutes and seconds go after T)");
                    i++;
                }
            }
            else
            {
                rank = text[i] switch { 'H' => 0, 'M' => 1, 'S' => 2, _ => -1 };
                if (rank < 0)
                    return Fail(out zh, out en, $"时间部分的单位“{text[i]}”无效", $"'{text[i]}' is not a time unit");
                i++;
            }
            if (!inTime && rank == 4 && lastRank >= 0 || !inTime && rank < 4 && date[4] != 0)
                return Fail(out zh, out en, "工作日（WD）不能与年、月、周、日混用", "working days (WD) cannot be mixed with years, months, weeks or days");
            if (rank <= lastRank)
                return Fail(out zh, out en, "各部分顺序错误或重复", "its parts are out of order or repeated");
            lastRank = rank;

            if (inTime && rank == 2)
            {
                if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out seconds) || seconds > int.MaxValue)
                    return Fail(out zh, out en, "秒数过大", "the seconds are too many");
            }
            else if (hasFraction)
                return Fail(out zh, out en, "只有秒可以带小数", "only seconds may have a fraction");
            else if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
                (inTime ? time : date)[rank] = whole;
            else
                return Fail(out zh, out en, "数值过大", "a number is too large");

            any = true;
        }
        if (!any)
            return Fail(out zh, out en, "没有任何部分", "it has no parts");

        value = new IsoDuration(date[0], date[1], date[2], date[3], time[0], time[1], seconds, date[4], negative);
        zh = en = "";
        return true;
    }

    private static bool Fail(out string zh, out string en, string reasonZh, string reasonEn)
    {
        zh = $"不是有效的 ISO 8601 时长：{reasonZh}{ExamplesZh}";
        en = $"is not a valid ISO 8601 duration: {reasonEn}{ExamplesEn}";
        return false;
    }
}
