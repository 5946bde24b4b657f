class Bottleneck(nn.Module):
    """torchvision's bottleneck (v1.5, the 3x3 conv strides): 1x1 - BN - ReLU - 3x3 - BN - ReLU - 1x1 (planes * expansion) - BN, the add-on, the shortcut, ReLU."""

    def __init__(self, inplanes, planes, stride=1, expansion=4, attention="none", drop_path=0.0):
        super().__init__()
        outplanes = planes * expansion
        self.conv1 = nn.Conv2d(inplanes, planes, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, stride=stride, padding=1, bias=False)
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
