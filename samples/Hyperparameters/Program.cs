// The article's claims about hyperparameters, checked on real data: one PNG per claim, drawn from
// runs of configs that HyperTune generated the training loop for. See docs/hyperparameters.md.
return Hyperparameters.Sample.Run(args, Console.Out);
