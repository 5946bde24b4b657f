class CoTLayer(nn.Module):
    """Contextual Transformer layer: static key k1 = ReLU(BN(conv kxk)), values BN(conv 1x1), attention from concat(k1, x) averaged over the k*k maps, softmax over space; k1 + attention * values."""

    def __init__(self, dim, kernel_size=3, key_groups=1):
        super().__init__()
        factor = 4
        self.kernel_size = kernel_size
        self.key_embed = nn.Sequential(
            nn.Conv2d(dim, dim, kernel_size, padding=kernel_size // 2, groups=key_groups, bias=False),
            nn.BatchNorm2d(dim),
            nn.ReLU())
        self.value_embed = nn.Sequential(nn.Conv2d(dim, dim, 1, bias=False), nn.BatchNorm2d(dim))
        self.attention_embed = nn.Sequential(
            nn.Conv2d(2 * dim, 2 * dim // factor, 1, bias=False),
            nn.BatchNorm2d(2 * dim // factor),
            nn.ReLU(),
            nn.Conv2d(2 * dim // factor, kernel_size * kernel_size * dim, 1))

    def forward(self, x):
        bs, c, h, w = x.shape
        k1 = self.key_embed(x)
        v = self.value_embed(x).flatten(2)
        att = self.attention_embed(torch.cat([k1, x], 1)).reshape(bs, c, self.kernel_size * self.kernel_size, h, w).mean(2).flatten(2)
        k2 = (att.softmax(-1) * v).reshape(bs, c, h, w)
        return k1 + k2


class CoTBottleneck(nn.Module):
    """CoTNet's bottleneck: a ResNet bottleneck whose 3x3 conv is a CoT layer, after a 3x3 average pool (padding not counted) when the block strides."""

    def __init__(self, inplanes, planes, stride=1, expansion=4, kernel_size=3, key_groups=1, attention="none", drop_path=0.0):
        super().__init__()
        outplanes = planes * expansion
        self.conv1 = nn.Conv2d(inplanes, planes, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.avd = nn.AvgPool2d(3, stride, 1, count_include_pad=False) if stride > 1 else None
        self.cot_layer = CoTLayer(planes, kernel_size, key_groups)
        self.bn2 = nn.BatchNorm2d(planes)
        self.conv3 = nn.Conv2d(planes, outplanes, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(outplanes)
        self.downsample = downsample(inplanes, outplanes, stride)
        self.nam, self.se, self.drop_path = add_ons(attention, outplanes, drop_path)

    def forward(self, x):
        branch = self.bn1(self.conv1(x)).relu()
        if self.avd is not None:
            branch = self.avd(branch)
        branch = self.bn2(self.cot_layer(branch)).relu()
        branch = self.bn3(self.conv3(branch))
        identity = x if self.downsample is None else self.downsample(x)
        return finish(self, branch, identity)
