class SEWeight(nn.Module):
    """EPSANet's SE weight module: the [N, C, 1, 1] gate sigmoid(fc2(relu(fc1(avgpool(x))))), not the gated input."""

    def __init__(self, channels, reduction=16):
        super().__init__()
        self.fc1 = nn.Conv2d(channels, channels // reduction, 1)
        self.fc2 = nn.Conv2d(channels // reduction, channels, 1)

    def forward(self, x):
        return self.fc2(self.fc1(F.adaptive_avg_pool2d(x, 1)).relu()).sigmoid()


class PSAModule(nn.Module):
    """Pyramid split attention: four branch convs (planes/4 each), one SE weight module shared by the branches, softmax across the branches, concatenated in reverse branch order (as the post does)."""

    def __init__(self, inplanes, planes, stride, kernels=(3, 5, 7, 9), groups=(1, 4, 8, 16)):
        super().__init__()
        self.split = planes // 4
        self.conv_1 = nn.Conv2d(inplanes, self.split, kernels[0], stride=stride, padding=kernels[0] // 2, groups=groups[0], bias=False)
        self.conv_2 = nn.Conv2d(inplanes, self.split, kernels[1], stride=stride, padding=kernels[1] // 2, groups=groups[1], bias=False)
        self.conv_3 = nn.Conv2d(inplanes, self.split, kernels[2], stride=stride, padding=kernels[2] // 2, groups=groups[2], bias=False)
        self.conv_4 = nn.Conv2d(inplanes, self.split, kernels[3], stride=stride, padding=kernels[3] // 2, groups=groups[3], bias=False)
        self.se = SEWeight(self.split)

    def forward(self, x):
        b = x.shape[0]
        x1, x2, x3, x4 = self.conv_1(x), self.conv_2(x), self.conv_3(x), self.conv_4(x)
        h, w = x1.shape[2], x1.shape[3]
        feats = torch.cat([x1, x2, x3, x4], 1).reshape(b, 4, self.split, h, w)
        gates = torch.cat([self.se(x1), self.se(x2), self.se(x3), self.se(x4)], 1)
        weighted = feats * gates.reshape(b, 4, self.split, 1, 1).softmax(1)
        return torch.cat([weighted[:, 3], weighted[:, 2], weighted[:, 1], weighted[:, 0]], 1)


class EPSABottleneck(nn.Module):
    """EPSANet's bottleneck: a ResNet bottleneck whose 3x3 conv is a PSA module (carrying the block's stride)."""

    def __init__(self, inplanes, planes, stride=1, expansion=4, kernels=(3, 5, 7, 9), groups=(1, 4, 8, 16), attention="none", drop_path=0.0):
        super().__init__()
        outplanes = planes * expansion
        self.conv1 = nn.Conv2d(inplanes, planes, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = PSAModule(planes, planes, stride, kernels, groups)
        self.bn2 = nn.BatchNorm2d(planes)
        self.conv3 = nn.Conv2d(planes, outplanes, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(outplanes)
        self.downsample = downsample(inplanes, outplanes, stride)
        self.nam, self.se, self.drop_path = add_ons(attention, outplanes, drop_path)

    def forward(self, x):
        branch = self.bn1(self.conv1(x)).relu()
        branch = self.bn2(self.conv2(branch)).relu()
        branch = self.bn3(self.conv3(branch))
        identity = x if self.downsample is None else self.downsample(x)
        return finish(self, branch, identity)
