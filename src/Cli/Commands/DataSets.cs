using System.IO;
using Gen.Data;

namespace Gen.Cli.Commands
{
    /// <summary>Loads --data (today: fashion-mnist) for a command, or fails naming what is missing.</summary>
    internal static class DataSets
    {
        public static LabelledImages Load(string name, bool train, string? directory, int? limit)
        {
            LabelledImages data;
            try
            {
                data = FashionMnist.Load(train, directory);
            }
            catch (FileNotFoundException e)
            {
                throw new RunFailedException(e.Message, e);
            }
            catch (InvalidDataException e)
            {
                throw new RunFailedException($"the {name} files are damaged: {e.Message}", e);
            }

            if (limit is int n && n < data.Count)
            {
                using (data)
                {
                    return data.Take(n);
                }
            }

            return data;
        }
    }
}
