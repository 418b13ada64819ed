namespace Reshore.Monitor;

/// <summary>The user acting on the monitor. <see cref="Anonymous"/> is a visitor who is not signed in.</summary>
public sealed record MonitorActor(string UserId, MonitorRole Role)
{
    /// <summary>A visitor who is not signed in.</summary>
    public static MonitorActor Anonymous { get; } = new("", MonitorRole.Anonymous);
}
