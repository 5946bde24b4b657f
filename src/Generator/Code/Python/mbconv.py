class MBConvSqueezeExcite(nn.Module):
    """MBConv's squeeze-excitation: hidden = inp / 4 of the block's input; fc = Linear, GELU, Linear, Sigmoid (no biases); x * gate."""

    def __init__(self, inp, oup):
        super().__init__()
        hidden = int(inp * 0.25)
        self.fc = nn.Sequential(nn.Linear(oup, hidden, bias=False), nn.GELU(), nn.Linear(hidden, oup, bias=False), nn.Sigmoid())

    def forward(self, x):
        b, c = x.shape[0], x.shape[1]
        return x * self.fc(F.adaptive_avg_pool2d(x, 1).reshape(b, c)).reshape(b, c, 1, 1)


class MBConv(nn.Module):
    """CoAtNet's MBConv: pre-BN, 1x1 expand (stride 2 when downsampling) + BN + GELU, 3x3 depthwise + BN + GELU, SE, 1x1 project + BN; shortcut identity or 3x3/2 max-pool + 1x1 conv."""

    def __init__(self, inp, oup, downsample=False, expansion=4):
        super().__init__()
        hidden = inp * expansion
        self.pool = nn.MaxPool2d(3, 2, 1) if downsample else None
        self.proj = nn.Conv2d(inp, oup, 1, bias=False) if downsample else None
        body = nn.Sequential(
            nn.Conv2d(inp, hidden, 1, stride=2 if downsample else 1, bias=False),
            nn.BatchNorm2d(hidden),
            nn.GELU(),
            nn.Conv2d(hidden, hidden, 3, padding=1, groups=hidden, bias=False),
            nn.BatchNorm2d(hidden),
            nn.GELU(),
            MBConvSqueezeExcite(inp, hidden),
            nn.Conv2d(hidden, oup, 1, bias=False),
            nn.BatchNorm2d(oup))
        self.conv = PreNorm(nn.BatchNorm2d(inp), body)

    def forward(self, x):
        shortcut = x if self.pool is None else self.proj(self.pool(x))
        return shortcut + self.conv(x)
