namespace CoBan.Workflow.Engine.Time;

/// <summary>
/// The day of a solar term (节气) in Beijing time, from the sun's apparent geocentric longitude. Only
/// 清明 is needed: it is a statutory holiday (全国年节及纪念日放假办法 Art. 2, "清明节，放假1天（农历清明当日）")
/// and the 清明 term is the moment the apparent longitude reaches 15°.
/// The sun's position follows J. Meeus, Astronomical Algorithms, ch. 25 (the "low accuracy" method, with
/// the nutation and aberration corrections to the apparent longitude): about 0.01°, i.e. within about a
/// quarter of an hour of the true moment, which decides the date unless the term falls within minutes of
/// midnight. Pure arithmetic, no I/O.
/// </summary>
public static class SolarTerms
{
    /// <summary>The local date (UTC+08:00) of 清明 in <paramref name="year"/>.</summary>
    public static DateOnly Qingming(int year) => TermDate(year, 15, new DateOnly(year, 4, 5));

    /// <summary>The instant (UTC) the sun's apparent longitude reaches <paramref name="longitudeDegrees"/> near <paramref name="near"/>.</summary>
    public static DateTimeOffset TermInstant(double longitudeDegrees, DateOnly near)
    {
        // Julian Ephemeris Day of noon on the guessed date, then Newton steps: the sun moves ~360/365.2422° a day.
        var jde = JulianDay(near.ToDateTime(new TimeOnly(12, 0)));
        for (var i = 0; i < 8; i++)
        {
            var delta = NormaliseSigned(longitudeDegrees - ApparentLongitude(jde));
            jde += delta * 365.2422 / 360.0;
            if (Math.Abs(delta) < 1e-7) break;
        }
        // Terrestrial time to universal time.
        var ut = jde - DeltaTSeconds(near.Year) / 86400.0;
        return FromJulianDay(ut);
    }

    private static DateOnly TermDate(int year, double longitude, DateOnly near) =>
        DateOnly.FromDateTime(TermInstant(longitude, near).ToOffset(WorkingCalendar.ChinaStandardOffset).DateTime);

    /// <summary>The sun's apparent longitude in degrees [0, 360) at Julian Ephemeris Day <paramref name="jde"/> (Meeus 25.2–25.8).</summary>
    public static double ApparentLongitude(double jde)
    {
        var t = (jde - 2451545.0) / 36525.0;
        var l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t; // geometric mean longitude
        var m = Rad(357.52911 + 35999.05029 * t - 0.0001537 * t * t); // mean anomaly
        var c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.Sin(m)
                + (0.019993 - 0.000101 * t) * Math.Sin(2 * m)
                + 0.000289 * Math.Sin(3 * m); // equation of the centre
        var trueLongitude = l0 + c;
        var omega = Rad(125.04 - 1934.136 * t); // longitude of the Moon's ascending node (nutation)
        var apparent = trueLongitude - 0.00569 - 0.00478 * Math.Sin(omega);
        return Normalise(apparent);
    }

    /// <summary>TT − UT in seconds: Espenak and Meeus's polynomials near the present, a parabola elsewhere; a minute off moves a term by a minute.</summary>
    internal static double DeltaTSeconds(int year)
    {
        double y = year + 0.5;
        if (year is >= 2005 and < 2050) { var t = y - 2000; return 62.92 + 0.32217 * t + 0.005589 * t * t; }
        if (year is >= 1986 and < 2005)
        {
            var t = y - 2000;
            return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t + 0.000651814 * Math.Pow(t, 4) + 0.00002373599 * Math.Pow(t, 5);
        }
        if (year is >= 2050 and <= 2150) return -20 + 32 * Math.Pow((y - 1820) / 100, 2) - 0.5628 * (2150 - y);
        if (year is >= 1961 and < 1986) { var t = y - 1975; return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718; }
        if (year is >= 1941 and < 1961) { var t = y - 1950; return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547; }
        if (year is >= 1920 and < 1941) { var t = y - 1920; return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t; }
        if (year is >= 1900 and < 1920) { var t = y - 1900; return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t - 0.000197 * Math.Pow(t, 4); }
        return -20 + 32 * Math.Pow((y - 1820) / 100, 2);
    }

    internal static double JulianDay(DateTime utc) => utc.ToOADate() + 2415018.5;

    private static DateTimeOffset FromJulianDay(double jd) =>
        new(DateTime.SpecifyKind(DateTime.FromOADate(jd - 2415018.5), DateTimeKind.Utc));

    private static double Rad(double degrees) => degrees * Math.PI / 180.0;

    private static double Normalise(double degrees)
    {
        var d = degrees % 360.0;
        return d < 0 ? d + 360.0 : d;
    }

    private static double NormaliseSigned(double degrees)
    {
        var d = Normalise(degrees);
        return d > 180 ? d - 360 : d;
    }
}
