using System;
using Gen.Generator.Diagnostics;
using Gen.Generator.Model;

namespace Gen.Generator.Pipeline
{
    /// <summary>Turns an unexpected exception inside a step into GEN0014 instead of a crashed build.</summary>
    internal static class Guard
    {
        /// <summary>Runs <paramref name="step"/>; on an exception (not cancellation) returns <paramref name="onFailure"/>'s value.</summary>
        public static T Run<T>(Func<T> step, Func<DiagnosticInfo, T> onFailure, string className, string activity, SourceLocation? location)
        {
            try
            {
                return step();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return onFailure(Failure(className, activity, location, exception));
            }
        }

        /// <summary>The GEN0014 diagnostic for <paramref name="exception"/>.</summary>
        public static DiagnosticInfo Failure(string className, string activity, SourceLocation? location, Exception exception) =>
            DiagnosticInfo.Create(DiagnosticCatalog.InternalError, location, className, activity, exception.GetType().Name + ": " + exception.Message);
    }
}
