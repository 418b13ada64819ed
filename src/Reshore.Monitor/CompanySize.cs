namespace Reshore.Monitor;

/// <summary>Size class from the number of employees (Eurofound Monitor and EU SME definition, headcount only).</summary>
public static class CompanySize
{
    /// <summary>Small below 50, medium 50–249, large 250 and more. Throws for a negative headcount.</summary>
    public static CompanySizeClass FromEmployees(int employees) => employees switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(employees), employees, "employees must be zero or more."),
        < 50 => CompanySizeClass.Small,
        < 250 => CompanySizeClass.Medium,
        _ => CompanySizeClass.Large,
    };
}
