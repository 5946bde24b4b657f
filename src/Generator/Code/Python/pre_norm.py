class PreNorm(nn.Module):
    """coatnet-pytorch's PreNorm: fn(norm(x)) (keys norm, fn)."""

    def __init__(self, norm, fn):
        super().__init__()
        self.norm = norm
        self.fn = fn

    def forward(self, x):
        return self.fn(self.norm(x))
