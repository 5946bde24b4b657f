using System;

namespace Gen.Generator.Model
{
    /// <summary>The location of one named or positional attribute argument.</summary>
    /// <param name="Name">The argument's property or parameter name.</param>
    /// <param name="Location">Where its value is written.</param>
    internal sealed record ArgumentLocation(string Name, SourceLocation Location);

    /// <summary>An attribute's own location plus those of its arguments.</summary>
    /// <param name="Attribute">The whole attribute.</param>
    /// <param name="Arguments">Its arguments, by name.</param>
    internal sealed record AttributeLocations(SourceLocation Attribute, EquatableArray<ArgumentLocation> Arguments)
    {
        /// <summary>The location of argument <paramref name="name"/> (without case: a constructor parameter answers to its property's name), or the attribute's when it was not written.</summary>
        public SourceLocation Of(string name)
        {
            foreach (var argument in Arguments)
            {
                if (string.Equals(argument.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return argument.Location;
                }
            }

            return Attribute;
        }
    }
}
