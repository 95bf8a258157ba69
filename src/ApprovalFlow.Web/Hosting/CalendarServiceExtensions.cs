using ApprovalFlow.Calendar;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Web.Hosting;

/// <summary>Registers the business calendar: its settings, the cached calendar and the holiday table's editor.</summary>
public static class CalendarServiceExtensions
{
    public static IServiceCollection AddBusinessCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CalendarOptions>().Bind(configuration.GetSection(CalendarOptions.SectionName))
            .Validate(o => o.DueHour is >= 0 and <= 23, "Calendar:DueHour must be an hour from 0 to 23.")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Calendar:TimeZone must be a known time zone, e.g. Asia/Ho_Chi_Minh.")
            .Validate(o => o.RefreshInterval > TimeSpan.Zero, "Calendar:RefreshInterval must be positive.")
            .ValidateOnStart();

        // One instance per process: its snapshot is the cache every caller shares.
        services.AddSingleton(sp => new BusinessCalendar(
            sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<IOptions<CalendarOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IBusinessCalendar>(sp => sp.GetRequiredService<BusinessCalendar>());
        services.AddScoped<HolidayTable>();
        return services;
    }
}
