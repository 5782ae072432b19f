Console.WriteLine("HyperTune digits sample: coming with the search-space generator.");
